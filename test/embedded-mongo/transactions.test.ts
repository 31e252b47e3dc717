import { Long, MongoClient, type ClientSession } from 'mongodb';
import { Schema } from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';

import { CONFORMANCE_CLIENT_OPTIONS, useConformanceDatabase, useConformanceMongoose } from './conformance-target';
import { catchServerError } from './server-error';

const target = useConformanceDatabase({ area: 'transactions' });
const mongooseTarget = useConformanceMongoose({ area: 'transactions_mongoose' });

const openSessions: ClientSession[] = [];
function startSession(): ClientSession {
  const session = target.client.startSession();
  openSessions.push(session);
  return session;
}
afterEach(async () => {
  await Promise.all(openSessions.splice(0).map((session) => session.endSession()));
});

/** Transactions cannot create collections implicitly on every server version: create them first. */
async function preparedCollection(label: string) {
  const collection = target.freshCollection(label);
  await target.db.createCollection(collection.collectionName);
  return collection;
}

describe('transactions', () => {
  it('commit makes all writes visible together', async () => {
    const jobs = await preparedCollection('jobs');
    const payouts = await preparedCollection('payouts');
    const session = startSession();
    await session.withTransaction(async () => {
      await jobs.insertOne({ _id: 1, status: 'paid' }, { session });
      await payouts.insertOne({ job: 1, cents: 150_000 }, { session });
    });
    expect(await jobs.countDocuments()).toBe(1);
    expect(await payouts.countDocuments({ job: 1 })).toBe(1);
  });

  it('abort discards inserts, updates and deletes', async () => {
    const c = await preparedCollection('abort');
    await c.insertMany([
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
    ]);
    const session = startSession();
    session.startTransaction();
    await c.insertOne({ _id: 3, n: 3 }, { session });
    await c.updateOne({ _id: 1 }, { $set: { n: 100 } }, { session });
    await c.deleteOne({ _id: 2 }, { session });
    expect(await c.countDocuments({}, { session })).toBe(2);
    await session.abortTransaction();
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
    ]);
  });

  it('uncommitted writes are invisible outside the transaction and visible inside it', async () => {
    const c = await preparedCollection('isolation');
    await c.insertOne({ _id: 'existing', n: 0 });
    const session = startSession();
    session.startTransaction();
    await c.insertOne({ _id: 'new' }, { session });
    await c.updateOne({ _id: 'existing' }, { $set: { n: 1 } }, { session });
    expect(await c.findOne({ _id: 'new' }, { session })).toEqual({ _id: 'new' });
    expect(await c.findOne({ _id: 'new' })).toBeNull();
    expect(await c.findOne({ _id: 'existing' })).toEqual({ _id: 'existing', n: 0 });
    await session.commitTransaction();
    expect(await c.findOne({ _id: 'existing' })).toEqual({ _id: 'existing', n: 1 });
  });

  it('a second transaction writing the same document gets WriteConflict (112), a transient error', async () => {
    const c = await preparedCollection('conflict');
    await c.insertOne({ _id: 'x', n: 0 });
    const first = startSession();
    const second = startSession();
    first.startTransaction();
    second.startTransaction();
    await c.updateOne({ _id: 'x' }, { $inc: { n: 1 } }, { session: first });
    const error = await catchServerError(c.updateOne({ _id: 'x' }, { $inc: { n: 10 } }, { session: second }));
    expect([error.code, error.codeName]).toEqual([112, 'WriteConflict']);
    expect(error.hasErrorLabel('TransientTransactionError')).toBe(true);
    await second.abortTransaction();
    await first.commitTransaction();
    expect(await c.findOne({ _id: 'x' })).toEqual({ _id: 'x', n: 1 });
  });

  it('killAllSessions ends an abandoned transaction: its writes are discarded and its documents free', async () => {
    const c = await preparedCollection('abandoned');
    await c.insertOne({ _id: 'x', n: 0 });
    // Not registered for the end-of-test cleanup: the server ends it here.
    const abandoned = target.client.startSession();
    abandoned.startTransaction();
    await c.updateOne({ _id: 'x' }, { $inc: { n: 1 } }, { session: abandoned });

    await target.client.db('admin').command({ killAllSessions: [] });
    await c.updateOne({ _id: 'x' }, { $inc: { n: 10 } });
    expect(await c.findOne({ _id: 'x' })).toEqual({ _id: 'x', n: 10 });
    await abandoned.endSession().catch(() => undefined);
  });

  it('withTransaction retries the callback after a write conflict and then succeeds', async () => {
    const c = await preparedCollection('retry');
    await c.insertOne({ _id: 'x', n: 0 });
    const holder = startSession();
    holder.startTransaction();
    await c.updateOne({ _id: 'x' }, { $inc: { n: 1 } }, { session: holder });

    const retrying = startSession();
    let attempts = 0;
    await retrying.withTransaction(async () => {
      attempts += 1;
      // The holder lets go only once the first attempt has failed on its write.
      if (attempts === 2) await holder.commitTransaction();
      await c.updateOne({ _id: 'x' }, { $inc: { n: 10 } }, { session: retrying });
    });
    expect(attempts).toBe(2);
    expect(await c.findOne({ _id: 'x' })).toEqual({ _id: 'x', n: 11 });
  });

  it('a duplicate key inside a transaction fails the write and nothing of the transaction is kept', async () => {
    const c = await preparedCollection('dup');
    await c.createIndex({ code: 1 }, { unique: true });
    await c.insertOne({ code: 'A' });
    const session = startSession();
    session.startTransaction();
    await c.insertOne({ code: 'B' }, { session });
    expect((await catchServerError(c.insertOne({ code: 'A' }, { session }))).code).toBe(11000);
    await session.abortTransaction();
    expect(await c.countDocuments()).toBe(1);
  });

  it('commands naming a transaction that was never started fail with NoSuchTransaction (251)', async () => {
    const c = await preparedCollection('nosuch');
    // A client of its own: the hand-picked txnNumber must not linger on an lsid the shared pool reuses.
    const isolated = await new MongoClient(target.uri, CONFORMANCE_CLIENT_OPTIONS).connect();
    const session = isolated.startSession();
    try {
      const error = await catchServerError(
        isolated
          .db(target.dbName)
          .command(
            { find: c.collectionName, filter: {}, txnNumber: Long.fromNumber(41), autocommit: false },
            { session },
          ),
      );
      expect([error.code, error.codeName]).toEqual([251, 'NoSuchTransaction']);
      expect(error.hasErrorLabel('TransientTransactionError')).toBe(true);
    } finally {
      await session.endSession();
      await isolated.close();
    }
  });
});

describe('Mongoose connection.transaction()', () => {
  const ledgerSchema = new Schema({ artisan: String, cents: Number });

  it('commits on success and rolls back when the callback throws', async () => {
    const connection = mongooseTarget.connection;
    const Ledger = connection.model('Ledger', ledgerSchema);
    await Ledger.createCollection();
    await connection.transaction(async (session) => {
      await Ledger.create([{ artisan: 'Achieng', cents: 5_000 }], { session });
    });
    await expect(
      connection.transaction(async (session) => {
        await Ledger.create([{ artisan: 'Wanjiru', cents: 7_000 }], { session });
        throw new Error('payout provider refused');
      }),
    ).rejects.toThrow('payout provider refused');
    expect((await Ledger.find().lean()).map((entry) => entry.artisan)).toEqual(['Achieng']);
  });
});
