/**
 * A page thread: renders the GET and HEAD requests the main thread hands it, with an app context
 * of its own over its own database connection (see start-page-threads.ts for the whole picture).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

import { createRequestHandler } from '@remix-run/node';
import mongoose from 'mongoose';

import { createAppContext, SYSTEM_CLOCK, type RequestLoadContext } from '../app-context';
import { createSessionCookies } from '../auth/session-storage';
import { joinDatabase } from '../database';
import { domainEvents } from '../domain-events';
import { ANSWER_SENT, keptPrivate } from '../http/remix-request-handler';
import { createLogger } from '../logger';
import { sharePlanRunsWith } from '../planning/plan-run-registry';
import { loadRemixBuild } from '../remix-build';
import { type FromPageThread, type PageThreadData, type ToPageThread } from './page-thread-messages';
import { planRunsOfMainThread } from './plan-runs-of-main-thread';

const port = parentPort;
if (!port) throw new Error('page-thread-entry.ts runs only as a worker thread');
const { config, session, database, name } = workerData as PageThreadData;

const send = (message: FromPageThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/**
 * How much of an answer may be on its way to the main thread, not yet written to the client,
 * before this thread waits: a long export to a slow client is not held in memory whole.
 */
const UNWRITTEN_BYTES_HIGH_WATER = 1024 * 1024;

interface Answering {
  controller: AbortController;
  unwritten: number;
  resume: (() => void) | null;
}
const answering = new Map<number, Answering>();

const logger = createLogger(config, { write: (line) => send({ type: 'log', line }) }).child({ thread: name });

try {
  await joinDatabase(database);
  const askedPlanRuns = planRunsOfMainThread(send);
  sharePlanRunsWith(askedPlanRuns.shared);
  const context = createAppContext({ config, logger, clock: SYSTEM_CLOCK, sessions: createSessionCookies(session) });
  const { getBuild } = await loadRemixBuild({ development: false, logger });
  const handle = createRequestHandler(getBuild(), 'production');

  // Page threads only read, so nothing is expected here; should a loader ever publish, every
  // other thread's caches still hear of it.
  domainEvents.onLocalPublish((eventName, payload, origin) =>
    send({ type: 'event', name: eventName, payload, duringPlanCommit: origin.duringPlanCommit }),
  );

  const answer = async (request: Extract<ToPageThread, { type: 'request' }>) => {
    const entry: Answering = { controller: new AbortController(), unwritten: 0, resume: null };
    answering.set(request.id, entry);
    const { signal } = entry.controller;
    try {
      const headers = new Headers(request.headers);
      const response = keptPrivate(
        await handle(new Request(request.url, { method: request.method, headers, signal }), {
          ...context,
          client: request.client,
        } satisfies RequestLoadContext),
        headers.get('cookie'),
      );
      send({
        type: 'head',
        id: request.id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
      });
      if (response.body)
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          if (signal.aborted) break;
          // A copy of its own: the chunk may be a view into a pooled buffer, which must not move.
          const bytes = chunk.slice();
          entry.unwritten += bytes.byteLength;
          send({ type: 'chunk', id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
          if (entry.unwritten > UNWRITTEN_BYTES_HIGH_WATER) await new Promise<void>((go) => (entry.resume = go));
        }
      send({ type: 'end', id: request.id });
    } catch (error) {
      const { message, stack } = error as Error;
      send({ type: 'failed', id: request.id, message: String(message), stack });
    } finally {
      answering.delete(request.id);
      // As on the main thread (remix-request-handler.ts): the finished request ends Remix's stream timer.
      if (!signal.aborted) entry.controller.abort(ANSWER_SENT);
    }
  };

  port.on('message', (message: ToPageThread) => {
    switch (message.type) {
      case 'request':
        void answer(message);
        return;
      case 'abort': {
        const entry = answering.get(message.id);
        entry?.controller.abort();
        entry?.resume?.();
        return;
      }
      case 'written': {
        const entry = answering.get(message.id);
        if (!entry) return;
        entry.unwritten -= message.bytes;
        if (entry.unwritten <= UNWRITTEN_BYTES_HIGH_WATER && entry.resume) {
          const resume = entry.resume;
          entry.resume = null;
          resume();
        }
        return;
      }
      case 'event':
        domainEvents.deliverRemote(message.name, message.payload, message.duringPlanCommit);
        return;
      case 'plan-run':
        askedPlanRuns.answer(message.call, message.run);
        return;
      case 'heap':
        // Benchmarks run the process with --expose-gc, so what is read is what the thread keeps.
        (globalThis as { gc?: () => void }).gc?.();
        send({ type: 'heap', call: message.call, usedBytes: getHeapStatistics().used_heap_size });
        return;
      case 'stop':
        void (async () => {
          for (const entry of answering.values()) entry.controller.abort();
          await mongoose.disconnect().catch(() => undefined);
          send({ type: 'stopped' });
          port.close();
        })();
        return;
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'start-failed', message: (error as Error).stack ?? String(error) });
  port.close();
}
