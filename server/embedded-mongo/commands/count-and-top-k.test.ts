import { type ClientSession, type Collection, type Document, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongo } from '../index';

/**
 * The count and sort + limit fast paths through the driver: each answer must equal what the general path
 * (a pipeline the fast path does not recognise, or a full find) gives.
 */
interface Job {
  _id: number;
  status: string;
  week: number;
  quantity?: number;
  updatedAt?: Date;
}

describe('count and sort + limit fast paths', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;
  let jobs: Collection<Job>;
  const STATUSES = ['open', 'planned', 'done', 'cancelled'];

  beforeAll(async () => {
    server = await startEmbeddedMongo();
    client = await new MongoClient(server.uri).connect();
    jobs = client.db('fast_paths').collection<Job>('jobs');
    await jobs.createIndex({ status: 1 });
    await jobs.createIndex({ week: 1, status: 1 });
    await jobs.insertMany(
      Array.from({ length: 2_000 }, (_, i) => ({
        _id: i,
        status: STATUSES[i % 4],
        week: i % 13,
        quantity: (i * 7) % 50,
        updatedAt: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 2_000) * 60_000),
      })),
    );
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  const filters: Document[] = [
    {},
    { status: 'open' },
    { status: { $in: ['open', 'done', 'open'] } },
    { week: 3, status: 'planned' },
    { week: { $gte: 4, $lt: 9 } },
    { status: 'open', quantity: { $gt: 20 } },
    { status: { $ne: 'done' } },
  ];

  /** The same count as a pipeline the counting fast path does not recognise ($literal), types included. */
  async function generalCount(filter: Document, session?: ClientSession): Promise<Document[]> {
    return jobs
      .aggregate([{ $match: filter }, { $group: { _id: 1, n: { $sum: { $literal: 1 } } } }], {
        session,
        promoteValues: false,
      })
      .toArray();
  }

  it('counts like a find and like the general $group, with count, countDocuments and aggregate', async () => {
    for (const filter of filters) {
      const found = (await jobs.find(filter).toArray()).length;
      expect(await jobs.countDocuments(filter)).toBe(found);
      expect(await jobs.countDocuments(filter, { skip: 10, limit: 300 })).toBe(Math.min(Math.max(found - 10, 0), 300));
      expect((await jobs.db.command({ count: 'jobs', query: filter })).n).toBe(found);
      const fast = await jobs
        .aggregate([{ $match: filter }, { $group: { _id: 1, n: { $sum: 1 } } }], { promoteValues: false })
        .toArray();
      expect(fast).toEqual(await generalCount(filter));
    }
    expect(await jobs.estimatedDocumentCount()).toBe(2_000);
    expect(await jobs.countDocuments({ status: 'nobody' })).toBe(0);
    expect(await client.db('fast_paths').collection('missing').countDocuments()).toBe(0);
  });

  it('counts the snapshot plus the transaction’s own writes inside a transaction', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      await jobs.findOne({ _id: 0 }, { session });
      // Others commit after the snapshot; the transaction writes too.
      await jobs.insertOne({ _id: 5_000, status: 'open', week: 3 });
      await jobs.deleteOne({ _id: 4 });
      await jobs.updateOne({ _id: 8 }, { $set: { status: 'done' } });
      await jobs.insertOne({ _id: 6_000, status: 'open', week: 3 }, { session });
      await jobs.deleteOne({ _id: 12 }, { session });
      await jobs.updateOne({ _id: 1 }, { $set: { status: 'open' } }, { session });
      for (const filter of filters) {
        const found = (await jobs.find(filter, { session }).toArray()).length;
        expect(await jobs.countDocuments(filter, { session })).toBe(found);
        const fast = await jobs
          .aggregate([{ $match: filter }, { $group: { _id: 1, n: { $sum: 1 } } }], { session, promoteValues: false })
          .toArray();
        expect(fast).toEqual(await generalCount(filter, session));
      }
      expect(await jobs.countDocuments({}, { session })).toBe(2_000);
      expect(await jobs.countDocuments({ status: 'open' }, { session })).toBe(500 + 1 - 1 + 1);
    } finally {
      await session.abortTransaction();
      await session.endSession();
    }
    expect(await jobs.countDocuments({})).toBe(2_000);
    await jobs.deleteOne({ _id: 5_000 });
  });

  it('returns the first documents of a full sort for sort + limit without an index', async () => {
    for (const sort of [{ updatedAt: -1 }, { quantity: 1, updatedAt: 1 }, { quantity: -1 }] as Document[]) {
      const all = await jobs.find({}).sort(sort).toArray();
      expect(await jobs.findOne({}, { sort })).toEqual(all[0]);
      expect(await jobs.find({}).sort(sort).skip(7).limit(5).toArray()).toEqual(all.slice(7, 12));
      const grouped = [{ $group: { _id: '$quantity', last: { $max: '$updatedAt' } } }, { $sort: { last: -1 } }];
      const everything = await jobs.aggregate(grouped).toArray();
      expect(await jobs.aggregate([...grouped, { $limit: 3 }]).toArray()).toEqual(everything.slice(0, 3));
      expect(await jobs.aggregate([{ $sort: sort }, { $limit: 4 }]).toArray()).toEqual(all.slice(0, 4));
    }
  });
});
