import type * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongo } from '../index';

/** Every asynchronous fdatasync the server starts, and a gate that can hold them to see who waits. */
const flushes = vi.hoisted(() => ({
  started: 0,
  finished: 0,
  held: [] as (() => void)[],
  holding: false,
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const fdatasync = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void): void => {
    flushes.started += 1;
    const run = () =>
      real.fdatasync(fd, (error) => {
        flushes.finished += 1;
        callback(error);
      });
    if (flushes.holding) flushes.held.push(run);
    else run();
  };
  return { ...real, default: { ...real, fdatasync }, fdatasync };
});

/** Waits (at most 5 s) until the server has started a flush; fails if it never does. */
async function flushStarted(): Promise<void> {
  for (let i = 0; i < 500 && flushes.held.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(flushes.held.length).toBeGreaterThan(0);
}

describe('a journaled write concern (j: true)', () => {
  let dbPath: string;
  let server: EmbeddedMongo;
  let client: MongoClient;

  beforeAll(async () => {
    dbPath = mkdtempSync(join(tmpdir(), 'kiwanda-j-'));
    server = await startEmbeddedMongo({ dbPath });
    client = await new MongoClient(server.uri, { maxPoolSize: 20 }).connect();
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });
  beforeEach(() => {
    flushes.started = 0;
    flushes.finished = 0;
    flushes.holding = false;
  });

  it('is acknowledged only after the journal has been flushed to the device', async () => {
    const payments = client.db('kiwanda').collection('payments');
    flushes.holding = true;
    let acknowledged = false;
    const insert = payments.insertOne({ amountCents: 120_000 }, { writeConcern: { j: true } }).then(() => {
      acknowledged = true;
    });
    await flushStarted();
    // The write is applied and in the kernel, the flush has not run: no acknowledgement yet.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(acknowledged).toBe(false);
    flushes.holding = false;
    for (const run of flushes.held.splice(0)) run();
    await insert;
    expect(acknowledged).toBe(true);
    expect(flushes.finished).toBeGreaterThanOrEqual(1);
  });

  it('shares one flush among the journaled writes waiting at the same time (group commit)', async () => {
    const jobs = client.db('kiwanda').collection('jobs');
    flushes.holding = true;
    const writes = Array.from({ length: 20 }, (_, i) =>
      jobs.insertOne({ _id: `J${i}` as never }, { writeConcern: { j: true } }),
    );
    // While the first flush is held, the other writes arrive and queue for the next one.
    await flushStarted();
    await new Promise((resolve) => setTimeout(resolve, 300));
    flushes.holding = false;
    for (const run of flushes.held.splice(0)) run();
    await Promise.all(writes);
    expect(await jobs.countDocuments()).toBe(20);
    expect(flushes.started).toBeLessThan(20);
  });

  it('does not wait for the device without j: true (the write is in the kernel, safe from a process kill)', async () => {
    await client.db('kiwanda').collection('orders').insertOne({ quantity: 5 });
    expect(flushes.started).toBe(0);
  });
});
