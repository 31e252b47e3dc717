import { availableParallelism } from 'node:os';
import { type Worker } from 'node:worker_threads';

import { type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import { pino } from 'pino';

import { type RequestClient } from '../app-context';
import { type Config } from '../config';
import { type DatabaseAddress } from '../database';
import { DOMAIN_EVENT_NAMES } from '../domain/events';
import { domainEvents } from '../domain-events';
import { type Logger } from '../logger';
import { currentPlanRun } from '../planning/plan-run-registry';
import { startTypeScriptWorker } from '../typescript-worker';
import { type FromPageThread, type PageThreadData, type ToPageThread } from './page-thread-messages';

const ENTRY = new URL('./page-thread-entry.ts', import.meta.url);
/** A thread that stopped after it had started is started again after this pause. */
const RESTART_AFTER_MS = 1_000;
/** How long a stopping thread may take to close its database connection. */
const STOP_DEADLINE_MS = 2_000;

/** One GET or HEAD request, as the HTTP layer hands it over (server/http/remix-request-handler.ts). */
export interface ThreadedRequest {
  req: ExpressRequest;
  res: ExpressResponse;
  method: 'GET' | 'HEAD';
  url: string;
  headers: [string, string][];
  client: RequestClient;
  /** Renders the request on the main thread instead (no thread ready, or the thread stopped before answering). */
  answerHere(): void;
  /** The page failed to render: the error answer. */
  fail(error: Error): void;
}

export interface PageThreadStatus {
  name: string;
  ready: boolean;
  /** Requests it answered since it started. */
  answered: number;
  /** Milliseconds its event loop was busy since it started. */
  busyMs: number;
}

export interface PageThreads {
  /** Hands the request to the least busy ready thread; false when none is ready. */
  serve(request: ThreadedRequest): boolean;
  status(): PageThreadStatus[];
  /** Bytes each ready thread's heap holds (after a full collection when run with --expose-gc). */
  heapUsed(): Promise<number[]>;
  close(): Promise<void>;
}

/** How many page threads `config` asks for: in production one fewer than the cores unless set. */
export function pageThreadCount(config: Pick<Config, 'PAGE_THREADS' | 'NODE_ENV'>): number {
  // A development build is reloaded on every change, which only the main thread follows.
  if (config.NODE_ENV === 'development') return 0;
  if (config.PAGE_THREADS !== undefined) return config.PAGE_THREADS;
  return config.NODE_ENV === 'production' ? Math.max(1, availableParallelism() - 1) : 0;
}

interface Answering {
  request: ThreadedRequest;
  /** The status line and headers are out: the request can no longer be answered elsewhere. */
  started: boolean;
}

interface PageThread {
  name: string;
  worker: Worker;
  ready: boolean;
  exited: boolean;
  answered: number;
  answering: Map<number, Answering>;
}

/**
 * Page threads: the main thread keeps HTTP, the sockets, every write, plan runs and the
 * background work; GET and HEAD requests to Remix are rendered on these threads, so a busy
 * network's page views use the machine's other cores. Each thread has the app's own services and
 * caches over a database connection of its own. Domain events cross between the threads in both
 * directions on the same channel as the requests, so a thread drops what an event makes wrong
 * before it renders any request that came after the event; plan-run progress is asked of the main
 * thread. A thread that stops is started again; until one is ready, the main thread renders all.
 */
export function startPageThreads({
  count,
  config,
  session,
  database,
  logger,
  entry = ENTRY,
}: {
  count: number;
  config: Config;
  session: PageThreadData['session'];
  database: DatabaseAddress;
  logger: Logger;
  /** The threads' module (tests give one that fails on purpose). */
  entry?: URL;
}): PageThreads {
  const log = logger.child({ module: 'page-threads' });
  // Lines of the threads' logs are written as they are, into this process's log.
  const logStream = (logger as unknown as Record<symbol, { write(line: string): void }>)[pino.symbols.streamSym];
  const threads: PageThread[] = [];
  let requestIds = 0;
  let heapCalls = 0;
  const heapAnswers = new Map<number, (usedBytes: number) => void>();
  let closing = false;
  /** The thread whose event is being delivered here, which must not get it back. */
  let deliveringFrom: PageThread | null = null;

  const post = (thread: PageThread, message: ToPageThread) => thread.worker.postMessage(message);

  const stopRelaying = DOMAIN_EVENT_NAMES.map((name) =>
    domainEvents.subscribe(name, (payload, origin) => {
      for (const thread of threads)
        if (thread !== deliveringFrom)
          post(thread, { type: 'event', name, payload, duringPlanCommit: origin.duringPlanCommit });
    }),
  );

  function start(index: number): void {
    const name = `pages-${index + 1}`;
    const worker = startTypeScriptWorker(entry, {
      workerData: { config, session, database, name } satisfies PageThreadData,
    });
    const thread: PageThread = { name, worker, ready: false, exited: false, answered: 0, answering: new Map() };
    threads[index] = thread;
    worker.on('message', (message: FromPageThread) => onMessage(thread, message));
    worker.on('error', (error) => log.error({ err: error, thread: name }, 'a page thread failed'));
    worker.on('exit', (code) => {
      // A thread is ready from its 'ready' message until it ends.
      const wasReady = thread.ready;
      thread.ready = false;
      thread.exited = true;
      // Requests it had not begun to answer are answered here; the others cannot be finished.
      for (const { request, started } of thread.answering.values())
        if (started) request.res.destroy();
        else request.answerHere();
      thread.answering.clear();
      if (closing) return;
      if (!wasReady) {
        log.error({ thread: name, code }, 'a page thread could not start; the main thread renders its pages');
        return;
      }
      log.error({ thread: name, code }, 'a page thread stopped; starting it again');
      setTimeout(() => closing || start(index), RESTART_AFTER_MS).unref();
    });
  }

  function onMessage(thread: PageThread, message: FromPageThread): void {
    switch (message.type) {
      case 'ready':
        thread.ready = true;
        log.info({ thread: thread.name }, 'page thread ready');
        return;
      case 'start-failed':
        log.error({ thread: thread.name, error: message.message }, 'a page thread could not start');
        return;
      case 'log':
        logStream.write(message.line);
        return;
      case 'event':
        deliveringFrom = thread;
        try {
          domainEvents.deliverRemote(message.name, message.payload, message.duringPlanCommit);
        } finally {
          deliveringFrom = null;
        }
        return;
      case 'current-plan-run':
        currentPlanRun().then(
          (run) => post(thread, { type: 'plan-run', call: message.call, run }),
          () => post(thread, { type: 'plan-run', call: message.call, run: null }),
        );
        return;
      case 'heap':
        heapAnswers.get(message.call)?.(message.usedBytes);
        heapAnswers.delete(message.call);
        return;
      case 'stopped':
        return;
      default:
        answerWith(thread, message);
    }
  }

  function answerWith(
    thread: PageThread,
    message: Extract<FromPageThread, { type: 'head' | 'chunk' | 'end' | 'failed' }>,
  ): void {
    const entry = thread.answering.get(message.id);
    if (!entry) return;
    const { res } = entry.request;
    switch (message.type) {
      case 'head':
        entry.started = true;
        res.statusMessage = message.statusText;
        res.status(message.status);
        for (const [name, value] of message.headers) res.append(name, value);
        return;
      case 'chunk': {
        const bytes = message.bytes.byteLength;
        const written = () => post(thread, { type: 'written', id: message.id, bytes });
        if (res.write(message.bytes)) written();
        else res.once('drain', written);
        // As Remix's own writer does: compression passes each piece on at once (streamed pages).
        (res as ExpressResponse & { flush?: () => void }).flush?.();
        return;
      }
      case 'end':
        thread.answering.delete(message.id);
        thread.answered += 1;
        res.end();
        return;
      case 'failed': {
        thread.answering.delete(message.id);
        const error = Object.assign(new Error(message.message), { stack: message.stack });
        if (entry.started) res.destroy(error);
        else entry.request.fail(error);
        return;
      }
    }
  }

  for (let index = 0; index < count; index += 1) start(index);
  if (count > 0) log.info({ threads: count }, 'page threads starting');

  return {
    serve(request) {
      let chosen: PageThread | undefined;
      for (const thread of threads)
        if (thread.ready && (!chosen || thread.answering.size < chosen.answering.size)) chosen = thread;
      if (!chosen) return false;
      const thread = chosen;
      requestIds += 1;
      const id = requestIds;
      thread.answering.set(id, { request, started: false });
      // A client that leaves before its answer is written stops the thread's loaders.
      request.res.on('close', () => {
        if (thread.answering.delete(id)) post(thread, { type: 'abort', id });
      });
      post(thread, {
        type: 'request',
        id,
        method: request.method,
        url: request.url,
        headers: request.headers,
        client: request.client,
      });
      return true;
    },
    status: () =>
      threads.map(({ name, ready, answered, worker }) => ({
        name,
        ready,
        answered,
        busyMs: ready ? worker.performance.eventLoopUtilization().active : 0,
      })),
    heapUsed: () =>
      Promise.all(
        threads
          .filter((thread) => thread.ready)
          .map(
            (thread) =>
              new Promise<number>((resolve) => {
                heapCalls += 1;
                heapAnswers.set(heapCalls, resolve);
                post(thread, { type: 'heap', call: heapCalls });
              }),
          ),
      ),
    async close() {
      closing = true;
      stopRelaying.forEach((stop) => stop());
      await Promise.all(
        threads.map(async (thread) => {
          if (thread.exited) return;
          const stopped = new Promise<void>((resolve) => thread.worker.once('exit', () => resolve()));
          post(thread, { type: 'stop' });
          const deadline = setTimeout(() => void thread.worker.terminate(), STOP_DEADLINE_MS);
          await stopped;
          clearTimeout(deadline);
        }),
      );
    },
  };
}
