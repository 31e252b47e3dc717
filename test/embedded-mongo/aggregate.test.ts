import { type Collection } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { useConformanceDatabase, type LooseDocument } from './conformance-target';

const target = useConformanceDatabase({ area: 'aggregate' });

let jobs: Collection<LooseDocument>;
let workshops: Collection<LooseDocument>;

beforeAll(async () => {
  workshops = target.collection('workshops');
  jobs = target.collection('jobs');
  await workshops.insertMany([
    { _id: 'W1', name: 'Kibera Brass', skills: ['brass', 'beads'] },
    { _id: 'W2', name: 'Mathare Horn', skills: ['horn'] },
    { _id: 'W3', name: 'Idle Workshop', skills: [] },
  ]);
  await jobs.insertMany([
    { _id: 1, workshop: 'W1', product: 'cuff', units: 10, rateCents: 15_000, status: 'done' },
    { _id: 2, workshop: 'W1', product: 'ring', units: 4, rateCents: 5_000, status: 'open' },
    { _id: 3, workshop: 'W2', product: 'cuff', units: 6, rateCents: 15_000, status: 'done' },
    { _id: 4, workshop: 'W2', product: 'comb', units: 2, rateCents: 8_000, status: 'done' },
    { _id: 5, workshop: 'W9', product: 'ring', units: 1, rateCents: 5_000, status: 'open' },
  ]);
});

describe('aggregate', () => {
  it('$match then $group with accumulators, then $sort', async () => {
    const result = await jobs
      .aggregate([
        { $match: { status: 'done' } },
        {
          $group: {
            _id: '$workshop',
            jobs: { $sum: 1 },
            units: { $sum: '$units' },
            earnedCents: { $sum: { $multiply: ['$units', '$rateCents'] } },
            avgUnits: { $avg: '$units' },
            minUnits: { $min: '$units' },
            maxUnits: { $max: '$units' },
            products: { $addToSet: '$product' },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(result).toEqual([
      {
        _id: 'W1',
        jobs: 1,
        units: 10,
        earnedCents: 150_000,
        avgUnits: 10,
        minUnits: 10,
        maxUnits: 10,
        products: ['cuff'],
      },
      {
        _id: 'W2',
        jobs: 2,
        units: 8,
        earnedCents: 106_000,
        avgUnits: 4,
        minUnits: 2,
        maxUnits: 6,
        products: expect.arrayContaining(['cuff', 'comb']),
      },
    ]);
  });

  it('$group by null gives one total; $push and $first follow the incoming order', async () => {
    const [total] = await jobs
      .aggregate([
        { $sort: { units: -1 } },
        { $group: { _id: null, units: { $sum: '$units' }, order: { $push: '$_id' }, biggest: { $first: '$product' } } },
      ])
      .toArray();
    expect(total).toEqual({ _id: null, units: 23, order: [1, 3, 2, 4, 5], biggest: 'cuff' });
  });

  it('$project computes fields and $addFields adds to the document', async () => {
    const result = await jobs
      .aggregate([
        { $match: { _id: { $in: [1, 2] } } },
        { $sort: { _id: 1 } },
        {
          $project: {
            _id: 0,
            product: 1,
            totalCents: { $multiply: ['$units', '$rateCents'] },
            big: { $gte: ['$units', 5] },
          },
        },
        { $addFields: { label: { $concat: ['$product', '!'] } } },
      ])
      .toArray();
    expect(result).toEqual([
      { product: 'cuff', totalCents: 150_000, big: true, label: 'cuff!' },
      { product: 'ring', totalCents: 20_000, big: false, label: 'ring!' },
    ]);
  });

  it('$lookup with localField/foreignField, including no match', async () => {
    const result = await jobs
      .aggregate([
        { $match: { _id: { $in: [1, 5] } } },
        { $sort: { _id: 1 } },
        { $lookup: { from: 'workshops', localField: 'workshop', foreignField: '_id', as: 'shop' } },
        { $project: { shopNames: '$shop.name' } },
      ])
      .toArray();
    expect(result).toEqual([
      { _id: 1, shopNames: ['Kibera Brass'] },
      { _id: 5, shopNames: [] },
    ]);
  });

  it('$lookup with let and a sub-pipeline', async () => {
    const result = await workshops
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $lookup: {
            from: 'jobs',
            let: { shop: '$_id' },
            pipeline: [
              { $match: { $expr: { $and: [{ $eq: ['$workshop', '$$shop'] }, { $eq: ['$status', 'open'] }] } } },
              { $project: { _id: 1 } },
            ],
            as: 'openJobs',
          },
        },
        { $project: { openJobs: 1 } },
      ])
      .toArray();
    expect(result).toEqual([
      { _id: 'W1', openJobs: [{ _id: 2 }] },
      { _id: 'W2', openJobs: [] },
      { _id: 'W3', openJobs: [] },
    ]);
  });

  it('$unwind, with and without preserveNullAndEmptyArrays and includeArrayIndex', async () => {
    const plain = await workshops.aggregate([{ $unwind: '$skills' }, { $sort: { _id: 1, skills: 1 } }]).toArray();
    expect(plain.map((d) => [d._id, d.skills])).toEqual([
      ['W1', 'beads'],
      ['W1', 'brass'],
      ['W2', 'horn'],
    ]);
    const kept = await workshops
      .aggregate([
        { $unwind: { path: '$skills', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } },
        { $sort: { _id: 1, i: 1 } },
        { $project: { _id: 1, skills: 1, i: 1 } },
      ])
      .toArray();
    expect(kept).toEqual([
      { _id: 'W1', skills: 'brass', i: 0 },
      { _id: 'W1', skills: 'beads', i: 1 },
      { _id: 'W2', skills: 'horn', i: 0 },
      { _id: 'W3', i: null },
    ]);
  });

  it('$facet runs independent sub-pipelines over the same input', async () => {
    const [facets] = await jobs
      .aggregate([
        {
          $facet: {
            byStatus: [{ $group: { _id: '$status', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            topTwo: [{ $sort: { units: -1 } }, { $limit: 2 }, { $project: { _id: 1 } }],
            total: [{ $count: 'jobs' }],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({
      byStatus: [
        { _id: 'done', n: 3 },
        { _id: 'open', n: 2 },
      ],
      topTwo: [{ _id: 1 }, { _id: 3 }],
      total: [{ jobs: 5 }],
    });
  });

  it('$count, $skip and $limit; $count of nothing yields no document', async () => {
    expect(await jobs.aggregate([{ $match: { product: 'cuff' } }, { $count: 'cuffs' }]).toArray()).toEqual([
      { cuffs: 2 },
    ]);
    expect(await jobs.aggregate([{ $match: { product: 'none' } }, { $count: 'n' }]).toArray()).toEqual([]);
    const page = await jobs.aggregate([{ $sort: { _id: 1 } }, { $skip: 1 }, { $limit: 2 }]).toArray();
    expect(page.map((d) => d._id)).toEqual([2, 3]);
  });

  it('an unknown stage is refused with a server error', async () => {
    await expect(jobs.aggregate([{ $notAStage: {} }]).toArray()).rejects.toMatchObject({ code: 40324 });
  });
});
