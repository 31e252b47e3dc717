import { beforeAll, describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';

/** Pipelines of the kind Kiwanda's impact and planning pages run: joins, compound groups, local-time weeks. */
const target = useConformanceDatabase({ area: 'aggregate_reporting' });

beforeAll(async () => {
  await target.collection('artisans').insertMany([
    { _id: 'a1', name: 'Achieng', gender: 'female', workshop: 'W1' },
    { _id: 'a2', name: 'Otieno', gender: 'male', workshop: 'W1' },
    { _id: 'a3', name: 'Wanjiru', gender: 'female', workshop: 'W2' },
  ]);
  await target.collection('payouts').insertMany([
    // 2025-03-02 22:30 UTC is already Monday 01:30 in Nairobi (UTC+3).
    { artisan: 'a1', cents: 50_000, paidAt: new Date('2025-03-02T22:30:00Z') },
    { artisan: 'a1', cents: 20_000, paidAt: new Date('2025-03-04T08:00:00Z') },
    { artisan: 'a2', cents: 30_000, paidAt: new Date('2025-03-04T09:00:00Z') },
    { artisan: 'a3', cents: 40_000, paidAt: new Date('2025-03-11T09:00:00Z') },
    { artisan: 'unknown', cents: 1, paidAt: new Date('2025-03-11T09:00:00Z') },
  ]);
});

describe('reporting pipelines', () => {
  it('earnings by gender through $lookup, $unwind and $group', async () => {
    const result = await target
      .collection('payouts')
      .aggregate([
        { $lookup: { from: 'artisans', localField: 'artisan', foreignField: '_id', as: 'artisan' } },
        { $unwind: '$artisan' },
        { $group: { _id: '$artisan.gender', cents: { $sum: '$cents' }, artisans: { $addToSet: '$artisan._id' } } },
        { $project: { _id: 0, gender: '$_id', cents: 1, artisans: { $size: '$artisans' } } },
        { $sort: { gender: 1 } },
      ])
      .toArray();
    expect(result).toEqual([
      { gender: 'female', cents: 110_000, artisans: 2 },
      { gender: 'male', cents: 30_000, artisans: 1 },
    ]);
  });

  it('groups by a compound key of workshop and Nairobi calendar day', async () => {
    const result = await target
      .collection('payouts')
      .aggregate([
        { $lookup: { from: 'artisans', localField: 'artisan', foreignField: '_id', as: 'artisan' } },
        { $unwind: '$artisan' },
        {
          $group: {
            _id: {
              workshop: '$artisan.workshop',
              day: { $dateToString: { date: '$paidAt', format: '%Y-%m-%d', timezone: 'Africa/Nairobi' } },
            },
            cents: { $sum: '$cents' },
          },
        },
        { $sort: { '_id.workshop': 1, '_id.day': 1 } },
      ])
      .toArray();
    expect(result).toEqual([
      { _id: { workshop: 'W1', day: '2025-03-03' }, cents: 50_000 },
      { _id: { workshop: 'W1', day: '2025-03-04' }, cents: 50_000 },
      { _id: { workshop: 'W2', day: '2025-03-11' }, cents: 40_000 },
    ]);
  });

  it('$sortByCount and $bucket summarise distributions', async () => {
    const byArtisan = await target
      .collection('payouts')
      .aggregate([{ $sortByCount: '$artisan' }, { $limit: 1 }])
      .toArray();
    expect(byArtisan).toEqual([{ _id: 'a1', count: 2 }]);
    const buckets = await target
      .collection('payouts')
      .aggregate([{ $bucket: { groupBy: '$cents', boundaries: [0, 25_000, 100_000], default: 'other' } }])
      .toArray();
    expect(buckets).toEqual([
      { _id: 0, count: 2 },
      { _id: 25_000, count: 3 },
    ]);
  });
});
