import { appendFileSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongoOptions } from '#server/embedded-mongo/index';

import { CONFORMANCE_CLIENT_OPTIONS, usingRealMongo, type LooseDocument } from './conformance-target';
import { findActiveJournalFiles, findFiles, startEmbeddedServerProcess } from './embedded-server-process';
import { catchServerError } from './server-error';

/**
 * The embedded server keeps its data in a journal plus snapshots under dbPath. These tests start
 * their own servers on a temporary dbPath, so they cannot run against a real deployment.
 */
describe.skipIf(usingRealMongo)('embedded server durability', () => {
  let dbPath: string;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(() => {
    dbPath = mkdtempSync(join(tmpdir(), 'kiwanda-durability-'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    rmSync(dbPath, { recursive: true, force: true });
  });

  /** Starts an in-process server on dbPath and a client for it; both are closed after the test. */
  async function startServer(options: Pick<EmbeddedMongoOptions, 'compactAtBytes'> = {}) {
    const server = await startEmbeddedMongo({ port: 0, dbPath, host: '127.0.0.1', ...options });
    const client = await new MongoClient(server.uri, CONFORMANCE_CLIENT_OPTIONS).connect();
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await client.close();
      await server.stop();
    };
    cleanups.push(stop);
    return { server, client, db: client.db('kiwanda'), stop };
  }

  it('keeps documents, updates, deletes and indexes across a stop and restart', async () => {
    const first = await startServer();
    const artisans = first.db.collection<LooseDocument>('artisans');
    await artisans.createIndex({ phone: 1 }, { unique: true });
    await artisans.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: i, phone: `+2547000${i}`, paid: 0 })));
    await artisans.updateMany({ _id: { $lt: 10 } }, { $inc: { paid: 500 } });
    await artisans.deleteMany({ _id: { $gte: 90 } });
    await first.db.collection<LooseDocument>('workshops').insertOne({ _id: 'W1', name: 'Kibera Brass' });
    await first.stop();

    const second = await startServer();
    const reopened = second.db.collection<LooseDocument>('artisans');
    expect(await reopened.countDocuments()).toBe(90);
    expect(await reopened.countDocuments({ paid: 500 })).toBe(10);
    expect(await reopened.findOne({ _id: 5 })).toEqual({ _id: 5, phone: '+25470005', paid: 500 });
    expect(await second.db.collection<LooseDocument>('workshops').findOne({ _id: 'W1' })).toEqual({
      _id: 'W1',
      name: 'Kibera Brass',
    });
    const indexes = await reopened.listIndexes().toArray();
    expect(indexes.find((index) => index.name === 'phone_1')?.unique).toBe(true);
    expect((await catchServerError(reopened.insertOne({ _id: 1000, phone: '+25470001' }))).code).toBe(11000);
  });

  it('keeps everything across restarts when the journal was compacted into snapshots on the way', async () => {
    // A tiny threshold makes the server compact many times while the writes go on.
    const first = await startServer({ compactAtBytes: 4 * 1024 });
    const jobs = first.db.collection<LooseDocument>('jobs');
    await jobs.createIndex({ ref: 1 }, { unique: true });
    for (let i = 0; i < 300; i += 1) await jobs.insertOne({ _id: i, ref: `J-${i}`, note: 'n'.repeat(60) });
    await jobs.updateMany({ _id: { $lt: 50 } }, { $set: { done: true } });
    await jobs.deleteMany({ _id: { $gte: 250 } });
    await first.stop();
    expect(findFiles({ dbPath, pattern: /^snapshot-\d+\.kws$/ }).length).toBeGreaterThan(0);

    const second = await startServer();
    const reopened = second.db.collection<LooseDocument>('jobs');
    expect(await reopened.countDocuments()).toBe(250);
    expect(await reopened.countDocuments({ done: true })).toBe(50);
    expect(await reopened.findOne({ _id: 249 })).toEqual({ _id: 249, ref: 'J-249', note: 'n'.repeat(60) });
    expect((await catchServerError(reopened.insertOne({ ref: 'J-7' }))).code).toBe(11000);
  });

  it('refuses to open a dbPath that another running server is using', async () => {
    await startServer();
    await expect(startEmbeddedMongo({ port: 0, dbPath, host: '127.0.0.1' })).rejects.toThrow();
  });

  it('starts after garbage was appended to the journal and keeps every document', async () => {
    const first = await startServer();
    for (let i = 0; i < 50; i += 1) await first.db.collection<LooseDocument>('jobs').insertOne({ _id: i, units: i });
    await first.stop();
    const journals = findActiveJournalFiles({ dbPath });
    expect(journals.length).toBeGreaterThan(0);
    for (const journal of journals)
      appendFileSync(journal, Buffer.from('\x13\x37 torn garbage after a crash \xff\xfe'));

    const second = await startServer();
    expect(await second.db.collection<LooseDocument>('jobs').countDocuments()).toBe(50);
    await second.db.collection<LooseDocument>('jobs').insertOne({ _id: 'after-recovery' });
    await second.stop();
    const third = await startServer();
    expect(await third.db.collection<LooseDocument>('jobs').countDocuments()).toBe(51);
  });

  it('starts after the journal was cut mid-record, losing at most that last record', async () => {
    const first = await startServer();
    for (let i = 0; i < 50; i += 1)
      await first.db.collection<LooseDocument>('jobs').insertOne({ _id: i, units: i, note: 'x'.repeat(40) });
    await first.stop();
    for (const journal of findActiveJournalFiles({ dbPath })) truncateSync(journal, statSync(journal).size - 3);

    const second = await startServer();
    const jobs = await second.db.collection<LooseDocument>('jobs').find().sort({ _id: 1 }).toArray();
    expect(jobs.length).toBeGreaterThanOrEqual(49);
    jobs.forEach((job, i) => expect(job).toEqual({ _id: i, units: i, note: 'x'.repeat(40) }));
  });

  it('keeps every acknowledged write of a server killed with SIGKILL mid-stream', async () => {
    const running = await startEmbeddedServerProcess({ dbPath });
    cleanups.push(() => running.kill());
    const client = await new MongoClient(running.uri, {
      serverSelectionTimeoutMS: 1_000,
      retryWrites: false,
    }).connect();
    cleanups.push(() => client.close());
    const jobs = client.db('kiwanda').collection<LooseDocument>('jobs');

    const acknowledged: number[] = [];
    let nextId = 0;
    let killed: Promise<void> | null = null;
    // Four writers keep writes in flight at the moment of the kill.
    const writer = async () => {
      while (killed === null) {
        const id = nextId++;
        try {
          await jobs.insertOne({ _id: id, payload: `job-${id}`.padEnd(100, '#') });
        } catch {
          return;
        }
        acknowledged.push(id);
        if (acknowledged.length >= 400 && killed === null) killed = running.kill();
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await killed;
    await client.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);

    const restarted = await startEmbeddedServerProcess({ dbPath });
    cleanups.push(() => restarted.stop());
    const reader = await new MongoClient(restarted.uri, CONFORMANCE_CLIENT_OPTIONS).connect();
    cleanups.push(() => reader.close());
    const stored = await reader
      .db('kiwanda')
      .collection<LooseDocument>('jobs')
      .find({ _id: { $in: acknowledged } })
      .toArray();
    expect(stored).toHaveLength(acknowledged.length);
    for (const doc of stored) expect(doc.payload).toBe(`job-${doc._id}`.padEnd(100, '#'));
    // Writes in flight at the kill may or may not have landed, but nothing else may appear.
    expect(
      await reader
        .db('kiwanda')
        .collection<LooseDocument>('jobs')
        .countDocuments({ _id: { $gte: nextId } }),
    ).toBe(0);
  }, 60_000);
});
