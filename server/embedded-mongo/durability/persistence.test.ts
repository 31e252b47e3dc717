import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Double, Int32, Long, MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongo } from '../index';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiwanda-persistence-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(
  dbPath: string,
  options: { compactAtBytes?: number } = {},
): Promise<{ server: EmbeddedMongo; client: MongoClient }> {
  const server = await startEmbeddedMongo({ dbPath, ...options });
  const client = await new MongoClient(server.uri).connect();
  return { server, client };
}

async function close({ server, client }: { server: EmbeddedMongo; client: MongoClient }): Promise<void> {
  await client.close();
  await server.stop();
}

describe('persistence', () => {
  it('replays documents with exact BSON types, unique indexes, renames and drops after a restart', async () => {
    const dbPath = tempDir();
    const first = await open(dbPath);
    const db = first.client.db('kiwanda');
    await db.collection('payouts').createIndex({ ref: 1 }, { unique: true });
    await db.collection('payouts').insertMany([
      { ref: 'M-1', cents: new Int32(500), fee: new Double(3), big: Long.fromString('9007199254740993') },
      { ref: 'M-2', cents: new Int32(700) },
    ]);
    await db.collection('payouts').updateOne({ ref: 'M-2' }, { $inc: { cents: new Int32(1) } });
    await db.collection('scratch').insertOne({ temp: true });
    await db.collection('scratch').drop();
    await db.collection('old_name').insertOne({ kept: true });
    await db.collection('old_name').rename('new_name');
    await close(first);

    const second = await open(dbPath);
    const payouts = second.client.db('kiwanda').collection('payouts');
    const m1 = await payouts.findOne({ ref: 'M-1' }, { promoteValues: false, promoteLongs: false });
    expect(m1?.cents).toBeInstanceOf(Int32);
    expect(m1?.fee).toBeInstanceOf(Double);
    expect((m1?.big as Long).toString()).toBe('9007199254740993');
    expect((await payouts.findOne({ ref: 'M-2' }))?.cents).toBe(701);
    await expect(payouts.insertOne({ ref: 'M-1' })).rejects.toMatchObject({ code: 11000 });
    const names = (await second.client.db('kiwanda').listCollections().toArray()).map((info) => info.name).sort();
    expect(names).toEqual(['new_name', 'payouts']);
    await close(second);
  });

  it('compacts the journal into a snapshot and starts from it', async () => {
    const dbPath = tempDir();
    const first = await open(dbPath, { compactAtBytes: 64 * 1024 });
    const jobs = first.client.db('kiwanda').collection('jobs');
    await jobs.createIndex({ code: 1 }, { unique: true });
    for (let batch = 0; batch < 10; batch++) {
      await jobs.insertMany(
        Array.from({ length: 200 }, (_, i) => ({ code: `J-${batch}-${i}`, notes: 'x'.repeat(100) })),
      );
    }
    await jobs.deleteMany({ code: /^J-0-/ });
    await close(first);
    const files = readdirSync(dbPath);
    expect(files.some((name) => name.startsWith('snapshot'))).toBe(true);

    const second = await open(dbPath);
    const reopened = second.client.db('kiwanda').collection('jobs');
    expect(await reopened.countDocuments()).toBe(1800);
    expect(await reopened.indexes()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'code_1', unique: true })]),
    );
    await close(second);
  });

  it('drops a torn last record and keeps everything before it', async () => {
    const dbPath = tempDir();
    const first = await open(dbPath);
    const jobs = first.client.db('kiwanda').collection('jobs');
    for (let i = 0; i < 20; i++) await jobs.insertOne({ n: i });
    await close(first);
    const journal = readdirSync(dbPath)
      .filter((name) => name.startsWith('journal'))
      .sort()
      .pop()!;
    const path = join(dbPath, journal);
    truncateSync(path, statSync(path).size - 5);

    const second = await open(dbPath);
    const count = await second.client.db('kiwanda').collection('jobs').countDocuments();
    expect(count).toBe(19);
    await close(second);
  });
});
