import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Collection, MongoClient } from 'mongodb';

import { startEmbeddedServerProcess } from '../embedded-mongo/embedded-server-process';
import { processGroupCpuMicros } from './process-group-cpu';

/**
 * The embedded server as deployed: `npm run mongo:embedded` in its own process, journal on (a data
 * directory), SCRAM-SHA-256 credentials, reached over a real TCP socket from this process, as the app
 * and mongosh reach it. Run with `npm run bench:mongo` (ROUNDS=<n>, default 3; the median is reported).
 *
 * Beside each rate it prints the CPU time per operation of the server's processes and of this one (the
 * driver): with one connection a round trip is the driver's work, then the server's, one after the other,
 * plus the kernel's wake-ups. Then the same reads against a server that does no work
 * (canned-reply-wire-server.ts), also in its own process: the most this driver can reach on this machine.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS_PER_MEASURE = Number(process.env.SECONDS ?? 2);
const DOCS = 10_000;
const CANNED_SERVER = fileURLToPath(new URL('./canned-reply-wire-server.ts', import.meta.url));

interface Sample {
  perSecond: number;
  serverMicrosPerOp?: number;
  benchMicrosPerOp: number;
}

/** Runs `operation` back to back on `lanes` concurrent loops for a fixed time; returns the rate and CPU per op. */
async function rate(serverGroup: number, lanes: number, operation: (i: number) => Promise<unknown>): Promise<Sample> {
  const until = performance.now() + SECONDS_PER_MEASURE * 1000;
  const started = performance.now();
  const benchCpu = process.cpuUsage();
  const serverCpu = processGroupCpuMicros(serverGroup);
  let done = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; performance.now() < until; i += lanes) {
        await operation(i);
        done += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const bench = process.cpuUsage(benchCpu);
  const serverAfter = processGroupCpuMicros(serverGroup);
  return {
    perSecond: done / seconds,
    serverMicrosPerOp:
      serverCpu === undefined || serverAfter === undefined ? undefined : (serverAfter - serverCpu) / done,
    benchMicrosPerOp: (bench.user + bench.system) / done,
  };
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

class Samples {
  private readonly byMeasure = new Map<string, Sample[]>();

  record(measure: string, sample: Sample): void {
    this.byMeasure.set(measure, [...(this.byMeasure.get(measure) ?? []), sample]);
  }

  table(): object[] {
    return [...this.byMeasure].map(([measure, samples]) => {
      const rates = samples.map((sample) => sample.perSecond);
      const server = samples.flatMap((sample) =>
        sample.serverMicrosPerOp === undefined ? [] : [sample.serverMicrosPerOp],
      );
      return {
        measure,
        'median ops/s': Math.round(median(rates)),
        'min–max': `${Math.round(Math.min(...rates))}–${Math.round(Math.max(...rates))}`,
        'server CPU µs/op': server.length > 0 ? Math.round(median(server)) : 'n/a',
        'bench CPU µs/op': Math.round(median(samples.map((sample) => sample.benchMicrosPerOp))),
      };
    });
  }
}

const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

async function measureEmbeddedServer(samples: Samples): Promise<void> {
  const dbPath = await mkdtemp(join(tmpdir(), 'kiwanda-bench-deployed-'));
  const server = await startEmbeddedServerProcess({ dbPath, timeoutMs: 60_000 });
  const one = await new MongoClient(server.uri, { maxPoolSize: 1 }).connect();
  const eight = await new MongoClient(server.uri, { maxPoolSize: 8, minPoolSize: 8 }).connect();
  const group = server.pid;
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
    const journaledOnEight = eight.db('bench').collection('writes');
    process.stderr.write('warm-up\n');
    await rate(group, 1, () => admin.command({ ping: 1 }));
    await rate(group, 1, (i) => pointRead(jobs, i));
    await rate(group, 8, (i) => pointRead(jobsOnEight, i));

    for (let round = 1; round <= ROUNDS; round++) {
      process.stderr.write(`round ${round}/${ROUNDS}\n`);
      samples.record('ping, 1 connection', await rate(group, 1, () => admin.command({ ping: 1 })));
      samples.record('indexed point read, 1 connection', await rate(group, 1, (i) => pointRead(jobs, i)));
      samples.record('indexed point read, 8 connections', await rate(group, 8, (i) => pointRead(jobsOnEight, i)));
      samples.record('insert (w: 1), 1 connection', await rate(group, 1, (i) => writes.insertOne({ round, i })));
      samples.record(
        'insert (j: true), 1 connection',
        await rate(group, 1, (i) => writes.insertOne({ round, i }, { writeConcern: { j: true } })),
      );
      samples.record(
        'insert (j: true), 8 connections',
        await rate(group, 8, (i) => journaledOnEight.insertOne({ round, i }, { writeConcern: { j: true } })),
      );
    }
  } finally {
    await one.close();
    await eight.close();
    await server.stop();
    await rm(dbPath, { recursive: true, force: true });
  }
}

/** Starts canned-reply-wire-server.ts in its own process group; resolves with its port and group id. */
function startCannedServer(): Promise<{ port: number; group: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CANNED_SERVER], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready (\d+)/m.exec(output);
      if (ready) resolve({ port: Number(ready[1]), group: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (status) => reject(new Error(`canned-reply server exited (${status}): ${output}`)));
  });
}

async function measureCeiling(samples: Samples): Promise<void> {
  const canned = await startCannedServer();
  const uri = `mongodb://127.0.0.1:${canned.port}/?directConnection=true`;
  const one = await new MongoClient(uri, { maxPoolSize: 1 }).connect();
  const eight = await new MongoClient(uri, { maxPoolSize: 8, minPoolSize: 8 }).connect();
  try {
    const admin = one.db('admin');
    const jobs = one.db('bench').collection('jobs');
    const jobsOnEight = eight.db('bench').collection('jobs');
    await rate(canned.group, 1, () => admin.command({ ping: 1 }));
    await rate(canned.group, 8, (i) => pointRead(jobsOnEight, i));
    for (let round = 1; round <= ROUNDS; round++) {
      process.stderr.write(`ceiling round ${round}/${ROUNDS}\n`);
      samples.record('ping, 1 connection', await rate(canned.group, 1, () => admin.command({ ping: 1 })));
      samples.record('point read, 1 connection', await rate(canned.group, 1, (i) => pointRead(jobs, i)));
      samples.record('point read, 8 connections', await rate(canned.group, 8, (i) => pointRead(jobsOnEight, i)));
    }
  } finally {
    await one.close();
    await eight.close();
    canned.stop();
  }
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const embedded = new Samples();
  await measureEmbeddedServer(embedded);
  const ceiling = new Samples();
  await measureCeiling(ceiling);
  console.log(`load average before: ${loadBefore}; after: ${loadAverage()} (1, 5, 15 min)`);
  console.log('The embedded server (npm run mongo:embedded, journal on, SCRAM), over TCP:');
  console.table(embedded.table());
  console.log('Ceiling: the same driver against a server that answers with canned replies, over TCP:');
  console.table(ceiling.table());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
