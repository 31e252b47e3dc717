import { parentPort, workerData } from 'node:worker_threads';

import { startEmbeddedMongo } from '../embedded-server';
import { type EmbeddedLogger } from '../server-context';
import { type EmbeddedThreadOptions, type FromEmbeddedThread, type ToEmbeddedThread } from './worker-messages';

/**
 * The embedded server's own thread (see start-in-thread.ts): starts the server with the options
 * it was given, sends its log lines to the starting thread, and stops when told to.
 */
const port = parentPort;
if (!port) throw new Error('embedded-thread.ts runs as a worker thread');

const send = (message: FromEmbeddedThread) => port.postMessage(message);
const forward =
  (level: 'info' | 'warn' | 'error' | 'debug') =>
  (obj: object | string, msg?: string): void =>
    // Errors do not survive structured cloning with their message in every Node version: flatten them.
    send({ type: 'log', level, obj: obj instanceof Error ? { err: obj.message } : obj, msg });
const logger: EmbeddedLogger = {
  info: forward('info'),
  warn: forward('warn'),
  error: forward('error'),
  debug: forward('debug'),
};

try {
  const server = await startEmbeddedMongo({ ...(workerData as EmbeddedThreadOptions), logger });
  port.on('message', (message: ToEmbeddedThread) => {
    if (message.type !== 'stop') return;
    void server.stop().then(() => {
      send({ type: 'stopped' });
      port.close();
    });
  });
  send({ type: 'ready', uri: server.uri, host: server.host, port: server.port });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
