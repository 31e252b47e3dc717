import { Long, MongoClient, type ClientSession, type Document } from 'mongodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { CONFORMANCE_CLIENT_OPTIONS, useConformanceDatabase } from './conformance-target';

/**
 * A retryable write carries the session id (lsid) and a transaction number; the server records the
 * outcome so that a retry of the same (lsid, txnNumber), sent after a lost reply, is answered from
 * that record instead of being applied twice. The driver attaches an explicit session's lsid and
 * leaves the txnNumber we give untouched, which lets the test play the retry deliberately.
 */
const target = useConformanceDatabase({ area: 'retryable_writes' });

// NOTE: the driver pools server sessions (lsids) and reuses them after a session ends. Hand-picked
// txnNumbers go through a client of their own, always increasing, so that no pooled lsid is later
// used with a txnNumber lower than one it has already seen.
let rawClient: MongoClient;
let lastTxnNumber = 0;
const sessions: ClientSession[] = [];
beforeAll(async () => {
  rawClient = await new MongoClient(target.uri, CONFORMANCE_CLIENT_OPTIONS).connect();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.endSession()));
});
afterAll(async () => {
  await rawClient?.close();
});

function startSession(): ClientSession {
  const session = rawClient.startSession();
  sessions.push(session);
  return session;
}
function nextTxnNumber(): Long {
  lastTxnNumber += 1;
  return Long.fromNumber(lastTxnNumber);
}
function runWithSession(command: Document, session: ClientSession): Promise<Document> {
  return rawClient.db(target.dbName).command(command, { session });
}

describe('retryable writes', () => {
  it('an insert retried with the same lsid and txnNumber is applied once, without a duplicate key error', async () => {
    const c = target.freshCollection();
    const session = startSession();
    const insert = {
      insert: c.collectionName,
      documents: [{ _id: 'payout-1', cents: 5_000 }],
      txnNumber: nextTxnNumber(),
    };
    const first = await runWithSession(insert, session);
    const retry = await runWithSession(insert, session);
    expect(first.n).toBe(1);
    expect(retry.n).toBe(1);
    expect(retry.writeErrors).toBeUndefined();
    expect(await c.countDocuments()).toBe(1);
  });

  it('an $inc retried with the same txnNumber is applied once; a new txnNumber applies again', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 'balance', cents: 0 });
    const session = startSession();
    const increment = (txnNumber: Long) =>
      runWithSession(
        { update: c.collectionName, updates: [{ q: { _id: 'balance' }, u: { $inc: { cents: 100 } } }], txnNumber },
        session,
      );
    const txnNumber = nextTxnNumber();
    const first = await increment(txnNumber);
    const retried = await increment(txnNumber);
    expect([first.n, first.nModified]).toEqual([1, 1]);
    expect([retried.n, retried.nModified]).toEqual([1, 1]);
    expect((await c.findOne({ _id: 'balance' }))?.cents).toBe(100);
    await increment(nextTxnNumber());
    expect((await c.findOne({ _id: 'balance' }))?.cents).toBe(200);
  });

  it('the same txnNumber on another session is a different write', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 'balance', cents: 0 });
    const command = {
      update: c.collectionName,
      updates: [{ q: { _id: 'balance' }, u: { $inc: { cents: 1 } } }],
      txnNumber: nextTxnNumber(),
    };
    await runWithSession(command, startSession());
    await runWithSession(command, startSession());
    expect((await c.findOne({ _id: 'balance' }))?.cents).toBe(2);
  });

  it('a retried findAndModify returns the first result and does not apply twice', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 'counter', seq: 0 });
    const session = startSession();
    const next = {
      findAndModify: c.collectionName,
      query: { _id: 'counter' },
      update: { $inc: { seq: 1 } },
      new: true,
      txnNumber: nextTxnNumber(),
    };
    const first = await runWithSession(next, session);
    const retry = await runWithSession(next, session);
    expect(first.value).toEqual({ _id: 'counter', seq: 1 });
    expect(retry.value).toEqual({ _id: 'counter', seq: 1 });
    expect((await c.findOne({ _id: 'counter' }))?.seq).toBe(1);
  });

  it('an older txnNumber than the last one seen is refused (TransactionTooOld, 225)', async () => {
    const c = target.freshCollection();
    const session = startSession();
    const insert = (txnNumber: Long, _id: string) =>
      runWithSession({ insert: c.collectionName, documents: [{ _id }], txnNumber }, session);
    const newer = nextTxnNumber();
    await insert(newer, 'newer');
    await expect(insert(newer.subtract(1), 'older')).rejects.toMatchObject({ code: 225 });
    expect(await c.countDocuments()).toBe(1);
  });
});
