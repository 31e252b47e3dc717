/**
 * Child process of the load benchmark: Kiwanda exactly as `KIWANDA_DEMO=1 npm start` runs it (the
 * embedded database on its own thread of the same process, on its private socket under DATA_DIR,
 * journaling to disk; the demo network loaded on first start), plus one plan proposal so the planning pages have
 * something to show.
 *
 * Once ready it sends { type: 'ready', url, workshops, planId }. Messages from the parent:
 * { type: 'changes', perSecond } starts job status changes at that rate (an artisan starting an
 * accepted job, as the phones do), { type: 'memory' } → { type: 'memory', rss, heapUsed } (heapUsed of every thread but the database's),
 * { type: 'stalls' } → { type: 'stalls', stalls, gcPauses } (event-loop turns over 50 ms since the
 * last ask, event-loop-stalls.ts), { type: 'cpu' } → { type: 'cpu', micros, mainThreadMicros, pageThreadMicros }
 * (the process's CPU time so far, and the time its main thread and its page threads were busy), { type: 'close' }.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadConfig } from '#server/config';
import { type Actor, SYSTEM_ACTOR } from '#server/domain/actor';
import { startKiwandaServer } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { Job, Workshop } from '#server/models/index';
import { startPlanRun } from '#server/planning/start-plan-run';
import { transitionJob } from '#server/services/jobs/transition-job';

import { watchEventLoopStalls } from './event-loop-stalls';

export interface LoadServerReady {
  type: 'ready';
  url: string;
  workshops: { id: string; code: string }[];
  planId: string;
  changesAvailable: number;
}

type Message =
  | { type: 'changes'; perSecond: number }
  | { type: 'memory' }
  | { type: 'cpu' }
  | { type: 'profile'; action: 'start' | 'stop' }
  | { type: 'stalls' }
  | { type: 'close' };

const config = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-load-bench-')),
  SESSION_SECRET: 'kiwanda-load-bench-secret-0123456789',
  LOG_LEVEL: 'warn',
  KIWANDA_DEMO: '1',
  // Plain HTTP on the loopback, like a lab without TLS: the session cookie must not require HTTPS.
  SESSION_COOKIE_SECURE: 'false',
  // Unset: as `npm start` runs it (page threads by the cores); 0 renders every page on the main thread.
  PAGE_THREADS: process.env.PAGE_THREADS,
});
const server = await startKiwandaServer({ config, logger: createLogger(config) });
await server.ready;

const workshops = await Workshop.find({ active: true }, { code: 1 }).sort({ code: 1 }).lean();
const proposal = await startPlanRun({ actor: SYSTEM_ACTOR, trigger: 'planner', reason: 'load benchmark' }).outcome;
/**
 * The moves artisans make from their phones, in turn: starting an accepted job (which changes no
 * figure of the planner's pages but the jobs board) and handing a started one to inspection
 * (which changes what is left to make). Jobs are picked across the network.
 */
const jobIdsIn = async (status: 'accepted' | 'in_progress') =>
  (await Job.find({ status }, { _id: 1 }).lean()).map((job) => String(job._id));
const moves = [
  { to: 'in_progress' as const, jobIds: await jobIdsIn('accepted') },
  { to: 'ready_for_qc' as const, jobIds: await jobIdsIn('in_progress') },
];
let moveCount = 0;

// Moved as staff may from the jobs board; the event reaches every dashboard as an artisan's would.
const planner: Actor = { kind: 'user', role: 'planner', label: 'load benchmark' };
let changeTimer: NodeJS.Timeout | undefined;
let changeFailures = 0;

function startChanges(perSecond: number): void {
  clearInterval(changeTimer);
  if (perSecond <= 0) return;
  changeTimer = setInterval(() => {
    const move = moves[moveCount++ % moves.length];
    const jobId = move.jobIds.pop();
    if (!jobId) return;
    transitionJob({ actor: planner, jobId, to: move.to }).catch(() => {
      changeFailures += 1;
    });
  }, 1000 / perSecond);
}

/**
 * With LOAD_PROFILE_DIR set, the measured part of the run (not the boot or the demo network's
 * loading) is recorded as a CPU profile there, for Chrome DevTools or `--cpu-prof`-style tools.
 */
const profiler = process.env.LOAD_PROFILE_DIR ? new Session() : undefined;
let profilerConnected = false;
async function profile(action: 'start' | 'stop'): Promise<void> {
  if (!profiler) return;
  if (action === 'start') {
    // Connected once: the per-page costs bench records several profiles in turn.
    if (!profilerConnected) profiler.connect();
    profilerConnected = true;
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return;
  }
  const { profile: recorded } = await profiler.post('Profiler.stop');
  const file = path.join(process.env.LOAD_PROFILE_DIR as string, `load-server-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(recorded));
  console.log(`CPU profile: ${file}`);
}

const eventLoop = watchEventLoopStalls();

process.on('message', async (message: Message) => {
  if (message.type === 'profile') {
    await profile(message.action);
    process.send?.({ type: 'profiled' });
  } else if (message.type === 'changes') {
    startChanges(message.perSecond);
  } else if (message.type === 'stalls') {
    process.send?.({ type: 'stalls', ...eventLoop.take() });
  } else if (message.type === 'cpu') {
    // User plus system time of the whole process (the server and its embedded database), in µs,
    // and the time the app's own thread was busy: the one resource a page cannot share.
    const usage = process.cpuUsage();
    const mainThreadMicros = Math.round(performance.eventLoopUtilization().active * 1_000);
    const pageThreadMicros = Math.round(
      (server.pageThreads?.status() ?? []).reduce((sum, thread) => sum + thread.busyMs, 0) * 1_000,
    );
    process.send?.({ type: 'cpu', micros: usage.user + usage.system, mainThreadMicros, pageThreadMicros });
  } else if (message.type === 'memory') {
    // A full collection first (the benchmark starts this process with --expose-gc), so the heap
    // read is what is kept, not what is waiting to be collected.
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    // The page threads' heaps count too: each collects its own first.
    const threadHeaps = (await server.pageThreads?.heapUsed()) ?? [];
    const heapUsed = threadHeaps.reduce((sum, bytes) => sum + bytes, usage.heapUsed);
    process.send?.({ type: 'memory', rss: usage.rss, heapUsed, changeFailures });
  } else {
    clearInterval(changeTimer);
    await server.close();
    // The demo network's journal and snapshot: some 80 MB a run, of no use once it is over.
    rmSync(config.DATA_DIR, { recursive: true, force: true });
    process.exit(0);
  }
});

const ready: LoadServerReady = {
  type: 'ready',
  url: server.url,
  workshops: workshops.map((workshop) => ({ id: String(workshop._id), code: workshop.code })),
  planId: proposal.planId,
  changesAvailable: Math.min(...moves.map((move) => move.jobIds.length)) * moves.length,
};
process.send?.(ready);
