/**
 * The embedded server's own thread: starts it with the options it was given, answers `stop`, and
 * sends its log lines to the starting thread's logger (see start-in-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';

import { startEmbeddedMongo } from '../embedded-server';
import { type EmbeddedLogger } from '../server-context';
import {
  type FromDatabaseThread,
  type LogLevel,
  type ThreadedMongoOptions,
  type ToDatabaseThread,
} from './thread-messages';

const port = parentPort;
if (!port) throw new Error('database-thread-entry.ts runs only as a worker thread');

const send = (message: FromDatabaseThread) => port.postMessage(message);

/** Errors are cloned between threads with their name, message and stack, but not their own fields. */
function cloneable(obj: object | string): object | string {
  if (typeof obj === 'string' || !('err' in obj) || !(obj.err instanceof Error)) return obj;
  const { err, ...rest } = obj as { err: Error & { code?: unknown } };
  return { ...rest, err: { type: err.name, message: err.message, stack: err.stack, code: err.code } };
}

const level =
  (name: LogLevel) =>
  (obj: object | string, msg?: string): void =>
    send({ type: 'log', level: name, obj: cloneable(obj), msg });
const logger: EmbeddedLogger = {
  info: level('info'),
  warn: level('warn'),
  error: level('error'),
  debug: level('debug'),
};

try {
  const server = await startEmbeddedMongo({ ...(workerData as ThreadedMongoOptions), logger });
  port.on('message', (message: ToDatabaseThread) => {
    if (message.type !== 'stop') return;
    void server.stop().then(() => {
      send({ type: 'stopped' });
      port.close();
    });
  });
  send({ type: 'started', uri: server.uri, host: server.host, port: server.port });
} catch (error) {
  send({ type: 'start-failed', error: error as Error });
  port.close();
}
