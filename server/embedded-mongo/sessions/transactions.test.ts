import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongo } from '../index';

describe('transactions and sessions', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;
  beforeAll(async () => {
    server = await startEmbeddedMongo();
    client = await new MongoClient(server.uri).connect();
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('refuses a plain write to a document an open transaction has written, with WriteConflict', async () => {
    const accounts = client.db('txn').collection<{ _id: string; cents: number }>('accounts');
    await accounts.insertOne({ _id: 'artisan-1', cents: 0 });
    const session = client.startSession();
    session.startTransaction();
    await accounts.updateOne({ _id: 'artisan-1' }, { $inc: { cents: 100 } }, { session });
    await expect(accounts.updateOne({ _id: 'artisan-1' }, { $inc: { cents: 1 } })).rejects.toMatchObject({ code: 112 });
    expect((await accounts.findOne({ _id: 'artisan-1' }))?.cents).toBe(0);
    await session.commitTransaction();
    await session.endSession();
    expect((await accounts.findOne({ _id: 'artisan-1' }))?.cents).toBe(100);
    await accounts.updateOne({ _id: 'artisan-1' }, { $inc: { cents: 1 } });
    expect((await accounts.findOne({ _id: 'artisan-1' }))?.cents).toBe(101);
  });

  it('sees its own writes through indexed queries and counts, and nobody else does', async () => {
    const jobs = client.db('txn').collection('jobs');
    await jobs.createIndex({ workshop: 1 });
    await jobs.insertMany([
      { workshop: 'W1', n: 1 },
      { workshop: 'W2', n: 2 },
    ]);
    const session = client.startSession();
    await session.withTransaction(async () => {
      await jobs.insertOne({ workshop: 'W1', n: 3 }, { session });
      await jobs.deleteOne({ n: 1 }, { session });
      expect((await jobs.find({ workshop: 'W1' }, { session }).toArray()).map((doc) => doc.n)).toEqual([3]);
      expect(await jobs.countDocuments({}, { session })).toBe(2);
      expect((await jobs.find({ workshop: 'W1' }).toArray()).map((doc) => doc.n)).toEqual([1]);
    });
    await session.endSession();
    expect((await jobs.find({ workshop: 'W1' }).toArray()).map((doc) => doc.n)).toEqual([3]);
  });

  it('enforces unique indexes among a transaction’s own writes', async () => {
    const codes = client.db('txn').collection('codes');
    await codes.createIndex({ code: 1 }, { unique: true });
    const session = client.startSession();
    session.startTransaction();
    await codes.insertOne({ code: 'A' }, { session });
    await expect(codes.insertOne({ code: 'A' }, { session })).rejects.toMatchObject({ code: 11000 });
    await expect(session.commitTransaction()).rejects.toMatchObject({ code: 251 });
    await session.endSession();
    expect(await codes.countDocuments()).toBe(0);
  });

  it('frees a unique key within a transaction when its staged holder changes or goes, and clashes on an update', async () => {
    const codes = client.db('txn').collection<{ _id: number; code: string }>('staged_codes');
    await codes.createIndex({ code: 1 }, { unique: true });
    const session = client.startSession();
    await session.withTransaction(async () => {
      await codes.insertMany(
        Array.from({ length: 500 }, (_, i) => ({ _id: i, code: `C${i}` })),
        { session },
      );
      await codes.updateOne({ _id: 1 }, { $set: { code: 'moved' } }, { session });
      await codes.insertOne({ _id: 1_000, code: 'C1' }, { session });
      await codes.deleteOne({ _id: 2 }, { session });
      await codes.insertOne({ _id: 1_001, code: 'C2' }, { session });
    });
    expect(await codes.findOne({ code: 'C1' })).toEqual({ _id: 1_000, code: 'C1' });
    expect(await codes.findOne({ code: 'C2' })).toEqual({ _id: 1_001, code: 'C2' });
    expect(await codes.countDocuments()).toBe(501);
    session.startTransaction();
    await codes.insertOne({ _id: 2_000, code: 'new' }, { session });
    await expect(codes.updateOne({ _id: 2_000 }, { $set: { code: 'C4' } }, { session })).rejects.toMatchObject({
      code: 11000,
      keyValue: { code: 'C4' },
    });
    await expect(session.commitTransaction()).rejects.toMatchObject({ code: 251 });
    await session.endSession();
    expect(await codes.countDocuments()).toBe(501);
  });

  it('reads from the snapshot taken at its start, also through indexes, and conflicts on documents changed since', async () => {
    const jobs = client.db('txn').collection<{ _id: number; status: string }>('snapshot_jobs');
    await jobs.createIndex({ status: 1 });
    await jobs.insertMany([
      { _id: 1, status: 'passed' },
      { _id: 2, status: 'passed' },
    ]);
    const session = client.startSession();
    session.startTransaction();
    await jobs.findOne({ _id: 99 }, { session });
    // Committed by others after the snapshot: a change, a delete and an insert.
    await jobs.updateOne({ _id: 1 }, { $set: { status: 'paid' } });
    await jobs.deleteOne({ _id: 2 });
    await jobs.insertOne({ _id: 3, status: 'passed' });
    expect((await jobs.find({ status: 'passed' }, { session }).toArray()).map((doc) => doc._id)).toEqual([1, 2]);
    expect(await jobs.countDocuments({}, { session })).toBe(2);
    expect(await jobs.findOne({ _id: 1 }, { session })).toEqual({ _id: 1, status: 'passed' });
    await expect(
      jobs.findOneAndUpdate({ _id: 1, status: 'passed' }, { $set: { status: 'paid twice' } }, { session }),
    ).rejects.toMatchObject({ code: 112 });
    await session.endSession();
    expect((await jobs.find().toArray()).map((doc) => doc.status)).toEqual(['paid', 'passed']);
  });
});
