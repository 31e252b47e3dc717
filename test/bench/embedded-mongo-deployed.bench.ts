import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Collection, MongoClient } from 'mongodb';

import { startEmbeddedServerProcess } from '../embedded-mongo/embedded-server-process';

/**
 * The embedded server as deployed: `npm run mongo:embedded` in its own process, journal on (a data
 * directory), SCRAM-SHA-256 credentials, reached over a real TCP socket from this process, as the app
 * and mongosh reach it. Run with `npm run bench:mongo` (ROUNDS=<n>, default 3; the median is reported).
 */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS_PER_MEASURE = Number(process.env.SECONDS ?? 2);
const DOCS = 10_000;

/** Runs `operation` back to back on `lanes` concurrent loops for a fixed time; returns operations per second. */
async function rate(lanes: number, operation: (i: number) => Promise<unknown>): Promise<number> {
  const until = performance.now() + SECONDS_PER_MEASURE * 1000;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; performance.now() < until; i += lanes) {
        await operation(i);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const code = (i: number) => `JOB-${((i * 7919) % DOCS).toString().padStart(6, '0')}`;

async function pointRead(jobs: Collection, i: number): Promise<void> {
  if (!(await jobs.findOne({ code: code(i) }))) throw new Error('point read found nothing');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const dbPath = await mkdtemp(join(tmpdir(), 'kiwanda-bench-deployed-'));
  const server = await startEmbeddedServerProcess({ dbPath, timeoutMs: 60_000 });
  const one = await new MongoClient(server.uri, { maxPoolSize: 1 }).connect();
  const eight = await new MongoClient(server.uri, { maxPoolSize: 8, minPoolSize: 8 }).connect();
  const samples = new Map<string, number[]>();
  const record = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);
  try {
    const jobs = one.db('bench').collection('jobs');
    await jobs.createIndex({ code: 1 }, { unique: true });
    await jobs.insertMany(
      Array.from({ length: DOCS }, (_, i) => ({
        code: `JOB-${i.toString().padStart(6, '0')}`,
        workshop: `W${i % 300}`,
        quantity: (i % 50) + 1,
        pieceRateCents: 2_500 + (i % 7) * 100,
      })),
    );
    const jobsOnEight = eight.db('bench').collection('jobs');
    const admin = one.db('admin');
    const writes = one.db('bench').collection('writes');
    process.stderr.write('warm-up\n');
    await rate(1, () => admin.command({ ping: 1 }));
    await rate(1, (i) => pointRead(jobs, i));
    await rate(8, (i) => pointRead(jobsOnEight, i));

    for (let round = 1; round <= ROUNDS; round++) {
      process.stderr.write(`round ${round}/${ROUNDS}\n`);
      record('ping, 1 connection', await rate(1, () => admin.command({ ping: 1 })));
      record('indexed point read, 1 connection', await rate(1, (i) => pointRead(jobs, i)));
      record('indexed point read, 8 connections', await rate(8, (i) => pointRead(jobsOnEight, i)));
      record('insert (w: 1), 1 connection', await rate(1, (i) => writes.insertOne({ round, i })));
      record(
        'insert (j: true), 1 connection',
        await rate(1, (i) => writes.insertOne({ round, i }, { writeConcern: { j: true } })),
      );
      const journaledOnEight = eight.db('bench').collection('writes');
      record(
        'insert (j: true), 8 connections',
        await rate(8, (i) => journaledOnEight.insertOne({ round, i }, { writeConcern: { j: true } })),
      );
    }
  } finally {
    await one.close();
    await eight.close();
    await server.stop();
    await rm(dbPath, { recursive: true, force: true });
  }
  const rows = [...samples].map(([measure, values]) => ({
    measure,
    'median ops/s': Math.round(median(values)),
    'min–max': `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`,
  }));
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
