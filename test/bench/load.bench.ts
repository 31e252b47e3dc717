/**
 * One Kiwanda process under a room's worth of load, as deployed: the server (with its embedded
 * database journaling to disk, the demo network loaded on first start) in its own process; SOCKETS
 * signed-in planner dashboards connected from another process; CHANGES job status changes per
 * second (1 unless set; 0 is a quiet network, whose plan proposal stays current) reaching all of them; and this process asking RATE mixed page views per second (overview,
 * orders, workshops, a workshop, the jobs board, planning; see load-pages.ts) over real sockets,
 * open loop: each request leaves at its scheduled moment whether or not earlier ones were
 * answered, and its time counts from that moment, so a server that falls behind shows it.
 *
 * The server's memory (resident, and heap after a full collection on every thread but the
 * database's) is read every 30 s, to see it flat over the run; its CPU per page and how busy its
 * main thread and page threads were are given at the end.
 *
 * Run with `npm run bench:load` (RATE=<pages/s>, SECONDS=<measured>, SOCKETS=<n>, WARMUP=<s>;
 * LOAD_PROFILE_DIR=<dir> writes a CPU profile of the server over the measured part).
 * Target: 100 pages/s with 500 sockets, p95 ≤ 250 ms, memory flat over 5 minutes, on an idle
 * 2-core machine.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { SocketHealth } from './dashboard-socket-clients';
import type { Stalls } from './event-loop-stalls';
import { lightRequest } from './light-http';
import { pageSequence, type PageKind } from './load-pages';
import type { LoadServerReady } from './load-server';
import { signInDemoPlanner } from './sign-in-demo-planner';

const RATE = Number(process.env.RATE ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 300);
const SOCKETS = Number(process.env.SOCKETS ?? 500);
const WARMUP = Number(process.env.WARMUP ?? 20);
const CHANGES_PER_SECOND = Number(process.env.CHANGES ?? 1);
if (!(CHANGES_PER_SECOND >= 0))
  throw new Error(`CHANGES must be a number of job changes a second, got ${process.env.CHANGES}`);
const MEMORY_EVERY_MS = 30_000;
const P95_TARGET_MS = 250;

/** The server's CPU so far (load-server.ts): the process's, and its main and page threads' busy time. */
interface ServerCpu {
  micros: number;
  mainThreadMicros: number;
  pageThreadMicros: number;
}

interface Memory {
  atS: number;
  rss: number;
  heapUsed: number;
}

function percentile(sorted: number[], share: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

const mib = (bytes: number) => Math.round(bytes / 1_048_576);

let closing = false;

function forkChild(file: string, gc = false) {
  const child = fork(path.resolve('test/bench', file), [], {
    execArgv: [
      '--import',
      'tsx',
      '--max-semi-space-size=64',
      // The server's own flags: --expose-gc to read the heap after a full collection, and
      // LOAD_SERVER_NODE_OPTIONS (e.g. --cpu-prof) to profile it under load.
      ...(gc ? ['--expose-gc', ...(process.env.LOAD_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // As `npm start` runs: React's and Express's production builds.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.once('exit', (code) => {
    if (closing) return;
    console.error(`${file} exited with code ${code} in the middle of the benchmark`);
    process.exit(1);
  });
  return child;
}

function reply<T>(child: ReturnType<typeof fork>, message: object, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (answer: { type: string }) => {
      if (answer.type !== type) return;
      child.off('message', onMessage);
      resolve(answer as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

interface Sample {
  kind: PageKind;
  ms: number;
  status: string;
  sentAtS: number;
}

/** Asks RATE pages a second for `seconds`, open loop; resolves with every answer's time. */
async function drive({
  url,
  cookie,
  next,
  seconds,
  onTick,
}: {
  url: string;
  cookie: string;
  next: ReturnType<typeof pageSequence>;
  seconds: number;
  onTick?: (elapsedMs: number) => void;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const intervalMs = 1_000 / RATE;
  const started = performance.now();
  for (let index = 0; index < RATE * seconds; index++) {
    const scheduled = started + index * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    onTick?.(performance.now() - started);
    const { kind, path: page } = next();
    const sentAtS = (scheduled - started) / 1_000;
    pending.push(
      // As a browser asks: gzip accepted (the server compresses each page), redirects not followed.
      lightRequest(`${url}${page}`, { headers: { Cookie: cookie, Accept: 'text/html', 'Accept-Encoding': 'gzip' } })
        .then((response) => {
          samples.push({ kind, ms: performance.now() - scheduled, status: String(response.status), sentAtS });
        })
        .catch((error: unknown) => {
          const status = error instanceof Error ? error.message : String(error);
          samples.push({ kind, ms: performance.now() - scheduled, status, sentAtS });
        }),
    );
  }
  await Promise.all(pending);
  return samples;
}

function summarise(name: string, samples: Sample[]) {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const failed = samples.filter((sample) => sample.status !== '200');
  const statuses = new Map<string, number>();
  for (const sample of failed) statuses.set(sample.status, (statuses.get(sample.status) ?? 0) + 1);
  return {
    pages: name,
    n: samples.length,
    'p50 ms': Math.round(percentile(sorted, 0.5)),
    'p95 ms': Math.round(percentile(sorted, 0.95)),
    'p99 ms': Math.round(percentile(sorted, 0.99)),
    'max ms': Math.round(sorted[sorted.length - 1] ?? NaN),
    'not 200': [...statuses].map(([status, count]) => `${count}× ${status}`).join(', ') || 0,
  };
}

const server = forkChild('load-server.ts', true);
const clients = forkChild('dashboard-socket-clients.ts');
try {
  const ready = await new Promise<LoadServerReady>((resolve) => {
    server.once('message', (message) => resolve(message as LoadServerReady));
  });
  const cookie = await signInDemoPlanner(ready.url);
  const connected = await reply<{ ms: number; clients: number }>(
    clients,
    { type: 'connect', url: ready.url, cookie, clients: SOCKETS },
    'connected',
  );
  console.log(
    `load: ${RATE} pages/s for ${SECONDS} s after ${WARMUP} s of warm-up; ${connected.clients} dashboard sockets ` +
      `connected in ${Math.round(connected.ms)} ms; ${CHANGES_PER_SECOND} job status change/s; ` +
      `${ready.workshops.length} workshops, ${ready.changesAvailable} jobs to start`,
  );
  if (ready.changesAvailable < (WARMUP + SECONDS) * CHANGES_PER_SECOND) {
    console.log('note: fewer accepted jobs than changes asked for; changes stop when they run out');
  }
  if (CHANGES_PER_SECOND > 0) server.send({ type: 'changes', perSecond: CHANGES_PER_SECOND });

  const next = pageSequence({ ready, seed: 7 });
  await drive({ url: ready.url, cookie, next, seconds: WARMUP });

  const memory: Memory[] = [];
  const readMemory = async (atS: number) => {
    const answer = await reply<{ rss: number; heapUsed: number }>(server, { type: 'memory' }, 'memory');
    memory.push({ atS, rss: answer.rss, heapUsed: answer.heapUsed });
  };
  await readMemory(0);
  // Stalls and dropped sockets are counted over the measured part only.
  await reply(server, { type: 'stalls' }, 'stalls');
  const healthBefore = await reply<SocketHealth>(clients, { type: 'health' }, 'health');
  await reply(server, { type: 'profile', action: 'start' }, 'profiled');
  const serverCpuBefore = await reply<ServerCpu>(server, { type: 'cpu' }, 'cpu');
  let nextMemoryAt = MEMORY_EVERY_MS;
  const clientCpu = process.cpuUsage();
  const memoryReads: Promise<void>[] = [];
  const samples = await drive({
    url: ready.url,
    cookie,
    next,
    seconds: SECONDS,
    onTick: (elapsedMs) => {
      if (elapsedMs < nextMemoryAt) return;
      memoryReads.push(readMemory(Math.round(elapsedMs / 1_000)));
      nextMemoryAt += MEMORY_EVERY_MS;
    },
  });
  await Promise.all(memoryReads);
  const { user, system } = process.cpuUsage(clientCpu);
  const serverCpu = await reply<ServerCpu>(server, { type: 'cpu' }, 'cpu');
  await reply(server, { type: 'profile', action: 'stop' }, 'profiled');
  await readMemory(SECONDS);
  const final = await reply<{ changeFailures: number }>(server, { type: 'memory' }, 'memory');
  const { stalls, gcPauses } = await reply<Stalls>(server, { type: 'stalls' }, 'stalls');
  const health = await reply<SocketHealth>(clients, { type: 'health' }, 'health');

  const kinds = [...new Set(samples.map((sample) => sample.kind))].sort();
  console.table([
    summarise('all', samples),
    ...kinds.map((kind) =>
      summarise(
        kind,
        samples.filter((sample) => sample.kind === kind),
      ),
    ),
  ]);
  const minutes = Math.ceil(SECONDS / 60);
  console.table(
    Array.from({ length: minutes }, (_, minute) =>
      summarise(
        `minute ${minute + 1}`,
        samples.filter((sample) => sample.sentAtS >= minute * 60 && sample.sentAtS < (minute + 1) * 60),
      ),
    ),
  );
  console.table(
    memory.map((read) => ({
      's into run': read.atS,
      'rss MiB': mib(read.rss),
      'heap after GC MiB': mib(read.heapUsed),
    })),
  );
  const p95 = summarise('all', samples)['p95 ms'];
  const heapGrowth = mib(memory[memory.length - 1].heapUsed - memory[1 < memory.length ? 1 : 0].heapUsed);
  console.log(
    `p95 ${p95} ms (target ≤ ${P95_TARGET_MS} ms: ${p95 <= P95_TARGET_MS ? 'met' : 'NOT met'}); ` +
      `heap after GC from the first read to the last: ${heapGrowth >= 0 ? '+' : ''}${heapGrowth} MiB; ` +
      `job changes that failed: ${final.changeFailures}; ` +
      // The people's side, on the same cores here as it would not be when deployed.
      `page client CPU ${((user + system) / 1_000 / samples.length).toFixed(2)} ms/page`,
  );
  console.log(
    `server event-loop stalls over 50 ms: ${stalls.length}, longest ${stalls.length ? Math.max(...stalls) : 0} ms, ` +
      `${gcPauses.length} of them garbage collections; dashboard sockets: ${health.connected} of ${SOCKETS} ` +
      `connected at the end, ${health.disconnects - healthBefore.disconnects} dropped and ` +
      `${health.reconnects - healthBefore.reconnects} reconnected during the run`,
  );
  const busy = (micros: number) => `${((micros / 1_000 / SECONDS / 1_000) * 100).toFixed(0)}%`;
  console.log(
    `server CPU ${((serverCpu.micros - serverCpuBefore.micros) / 1_000 / samples.length).toFixed(2)} ms/page; ` +
      `busy: main thread ${busy(serverCpu.mainThreadMicros - serverCpuBefore.mainThreadMicros)}, ` +
      `page threads ${busy(serverCpu.pageThreadMicros - serverCpuBefore.pageThreadMicros)}`,
  );
} finally {
  closing = true;
  clients.send({ type: 'close' });
  server.send({ type: 'close' });
}
