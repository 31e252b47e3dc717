import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Collection, MongoClient, type Document } from 'mongodb';

import { startEmbeddedMongo, type EmbeddedMongo } from '#server/embedded-mongo/index';

/**
 * Benchmarks of the embedded MongoDB-compatible server through the official driver over TCP.
 * Run with `npm run bench:mongo` (RUNS=<n> to change the number of repetitions).
 */
const RUNS = Number(process.env.RUNS ?? 5);

interface Measure {
  name: string;
  unit: string;
  target: string;
  samples: number[];
  meets: (median: number) => boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function workshopJob(i: number): Document {
  return {
    code: `JOB-${i.toString().padStart(6, '0')}`,
    workshop: `W${i % 300}`,
    skill: ['brass', 'beads', 'leather', 'horn'][i % 4],
    quantity: (i % 50) + 1,
    pieceRateCents: 2_500 + (i % 7) * 100,
    dueAt: new Date(Date.UTC(2025, 0, 1 + (i % 90))),
    notes: 'hand-finished, polished, packed in kraft paper',
  };
}

async function withServer<T>(
  options: { dbPath?: string },
  run: (server: EmbeddedMongo, client: MongoClient) => Promise<T>,
): Promise<T> {
  const server = await startEmbeddedMongo(options);
  const client = await new MongoClient(server.uri).connect();
  try {
    return await run(server, client);
  } finally {
    await client.close();
    await server.stop();
  }
}

async function insertManyMs({ dbPath }: { dbPath?: string }): Promise<number> {
  return withServer({ dbPath }, async (_server, client) => {
    const jobs = client.db('bench').collection('jobs');
    await jobs.createIndex({ code: 1 }, { unique: true });
    const docs = Array.from({ length: 10_000 }, (_, i) => workshopJob(i));
    const started = performance.now();
    await jobs.insertMany(docs);
    return performance.now() - started;
  });
}

async function pointReadsPerSecond(): Promise<number> {
  return withServer({}, async (_server, client) => {
    const jobs = client.db('bench').collection('jobs');
    await jobs.createIndex({ code: 1 }, { unique: true });
    await jobs.insertMany(Array.from({ length: 10_000 }, (_, i) => workshopJob(i)));
    const reads = 5_000;
    const started = performance.now();
    for (let i = 0; i < reads; i++) {
      const doc = await jobs.findOne({ code: `JOB-${((i * 7919) % 10_000).toString().padStart(6, '0')}` });
      if (!doc) throw new Error('point read found nothing');
    }
    return reads / ((performance.now() - started) / 1000);
  });
}

async function loadJobs(client: MongoClient, size: number): Promise<Collection> {
  const jobs = client.db('bench').collection(`jobs_${size}`);
  await jobs.createIndex({ workshop: 1, dueAt: 1 });
  for (let start = 0; start < size; start += 10_000) {
    await jobs.insertMany(Array.from({ length: Math.min(10_000, size - start) }, (_, i) => workshopJob(start + i)));
  }
  return jobs;
}

/** Runs `count` indexed equality+range finds (sorted, limit 3) and returns the elapsed milliseconds. */
async function indexedFinds(jobs: Collection, count: number, offset: number): Promise<number> {
  const started = performance.now();
  for (let i = offset; i < offset + count; i++) {
    const found = await jobs
      .find({ workshop: `W${i % 300}`, dueAt: { $gte: new Date(Date.UTC(2025, 0, 1)) } })
      .sort({ dueAt: 1 })
      .limit(3)
      .toArray();
    if (found.length !== 3) throw new Error(`indexed find returned ${found.length} documents, expected 3`);
  }
  return performance.now() - started;
}

/**
 * Mean time of the same indexed find in a 1k and a 100k collection. Both are loaded first and measured in
 * alternating blocks, so background load and garbage collection weigh on both alike.
 */
async function indexedFindMs(client: MongoClient): Promise<{ small: number; large: number }> {
  const small = await loadJobs(client, 1_000);
  const large = await loadJobs(client, 100_000);
  await indexedFinds(small, 300, 0);
  await indexedFinds(large, 300, 0);
  let smallMs = 0;
  let largeMs = 0;
  const blocks = 10;
  const perBlock = 200;
  for (let block = 0; block < blocks; block++) {
    smallMs += await indexedFinds(small, perBlock, block * perBlock);
    largeMs += await indexedFinds(large, perBlock, block * perBlock);
  }
  return { small: smallMs / (blocks * perBlock), large: largeMs / (blocks * perBlock) };
}

/** A job as Kiwanda's collections hold them after some activity: with the time of its last change. */
function updatedJob(i: number): Document {
  return { ...workshopJob(i), updatedAt: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 43_000) * 60_000) };
}

/**
 * Mean milliseconds of a whole-collection countDocuments() and of the latest document by an unindexed field
 * (`findOne({}).sort({ updatedAt: -1 })`), over 43k documents: what a dashboard asks on every page load.
 */
async function wholeCollectionMs(client: MongoClient): Promise<{ countMs: number; latestMs: number }> {
  const jobs = client.db('bench').collection('jobs_43k');
  await jobs.createIndex({ code: 1 }, { unique: true });
  for (let start = 0; start < 43_000; start += 10_000) {
    await jobs.insertMany(Array.from({ length: Math.min(10_000, 43_000 - start) }, (_, i) => updatedJob(start + i)));
  }
  const repeat = async (times: number, query: () => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < times; i++) await query();
    return (performance.now() - started) / times;
  };
  const count = async (): Promise<void> => {
    const n = await jobs.countDocuments();
    if (n !== 43_000) throw new Error(`countDocuments gave ${n}, expected 43000`);
  };
  const latest = async (): Promise<void> => {
    const doc = await jobs.findOne({}, { sort: { updatedAt: -1 } });
    if (doc?.code !== 'JOB-030321') throw new Error(`latest job was ${String(doc?.code)}, expected JOB-030321`);
  };
  await repeat(5, count);
  await repeat(5, latest);
  return { countMs: await repeat(20, count), latestMs: await repeat(20, latest) };
}

async function replayMs(): Promise<{ journalMs: number; snapshotMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kiwanda-bench-journal-'));
  try {
    await withServer({ dbPath: dir }, async (_server, client) => {
      const jobs = client.db('bench').collection('jobs');
      await jobs.createIndex({ code: 1 }, { unique: true });
      for (let start = 0; start < 100_000; start += 10_000) {
        await jobs.insertMany(Array.from({ length: 10_000 }, (_, i) => workshopJob(start + i)));
      }
    });
    let started = performance.now();
    const fromJournal = await startEmbeddedMongo({ dbPath: dir });
    const journalMs = performance.now() - started;
    const client = await new MongoClient(fromJournal.uri).connect();
    const count = await client.db('bench').collection('jobs').countDocuments();
    if (count !== 100_000) throw new Error(`replayed ${count} documents, expected 100000`);
    // Compact into a snapshot, then measure a start from the snapshot.
    await client.db('admin').command({ ping: 1 });
    await client.close();
    await fromJournal.stop();
    const compacting = await startEmbeddedMongo({ dbPath: dir, compactAtBytes: 1 });
    const compactClient = await new MongoClient(compacting.uri).connect();
    await compactClient.db('bench').collection('marker').insertOne({ compacted: true });
    await compactClient.close();
    await compacting.stop();
    started = performance.now();
    const fromSnapshot = await startEmbeddedMongo({ dbPath: dir });
    const snapshotMs = performance.now() - started;
    await fromSnapshot.stop();
    return { journalMs, snapshotMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const measures: Measure[] = [
    { name: 'insertMany 10k docs (in memory)', unit: 'ms', target: '<= 300 ms', samples: [], meets: (m) => m <= 300 },
    { name: 'insertMany 10k docs (journaled)', unit: 'ms', target: '<= 300 ms', samples: [], meets: (m) => m <= 300 },
    {
      name: 'indexed point reads, 1 connection',
      unit: 'ops/s',
      target: '>= 5,000/s',
      samples: [],
      meets: (m) => m >= 5_000,
    },
    { name: 'indexed find, 1k docs', unit: 'ms/query', target: '-', samples: [], meets: () => true },
    { name: 'indexed find, 100k docs', unit: 'ms/query', target: '-', samples: [], meets: () => true },
    { name: 'indexed find 100k / 1k', unit: 'x', target: '<= 2x', samples: [], meets: (m) => m <= 2 },
    { name: 'countDocuments(), 43k docs', unit: 'ms', target: '<= 5 ms', samples: [], meets: (m) => m <= 5 },
    {
      name: 'sort + limit 1, no index, 43k docs',
      unit: 'ms',
      target: '<= 50 ms',
      samples: [],
      meets: (m) => m <= 50,
    },
    { name: 'replay 100k docs from journal', unit: 'ms', target: '<= 3,000 ms', samples: [], meets: (m) => m <= 3_000 },
    {
      name: 'replay 100k docs from snapshot',
      unit: 'ms',
      target: '<= 3,000 ms',
      samples: [],
      meets: (m) => m <= 3_000,
    },
  ];
  const byName = new Map(measures.map((measure) => [measure.name, measure]));
  const record = (name: string, value: number) => byName.get(name)!.samples.push(value);

  // One unmeasured round first: V8 compiles the hot paths of the server and the driver during it.
  process.stderr.write('warm-up round\n');
  await insertManyMs({});
  await pointReadsPerSecond();

  for (let run = 1; run <= RUNS; run++) {
    process.stderr.write(`run ${run}/${RUNS}\n`);
    record('insertMany 10k docs (in memory)', await insertManyMs({}));
    const dir = await mkdtemp(join(tmpdir(), 'kiwanda-bench-insert-'));
    try {
      record('insertMany 10k docs (journaled)', await insertManyMs({ dbPath: dir }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    record('indexed point reads, 1 connection', await pointReadsPerSecond());
    await withServer({}, async (_server, client) => {
      const { small, large } = await indexedFindMs(client);
      record('indexed find, 1k docs', small);
      record('indexed find, 100k docs', large);
      record('indexed find 100k / 1k', large / small);
    });
    await withServer({}, async (_server, client) => {
      const { countMs, latestMs } = await wholeCollectionMs(client);
      record('countDocuments(), 43k docs', countMs);
      record('sort + limit 1, no index, 43k docs', latestMs);
    });
    const replay = await replayMs();
    record('replay 100k docs from journal', replay.journalMs);
    record('replay 100k docs from snapshot', replay.snapshotMs);
  }

  const format = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const rows = measures.map((measure) => {
    const m = median(measure.samples);
    return {
      benchmark: measure.name,
      median: `${format(m)} ${measure.unit}`,
      min: format(Math.min(...measure.samples)),
      max: format(Math.max(...measure.samples)),
      target: measure.target,
      ok: measure.meets(m) ? 'yes' : 'NO',
    };
  });
  console.log(`embedded-mongo benchmarks, ${RUNS} runs (Node ${process.version})`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
