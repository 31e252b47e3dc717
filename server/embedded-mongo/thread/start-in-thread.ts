import { startTypeScriptWorker } from '../../typescript-worker';
import { type EmbeddedMongo, type EmbeddedMongoOptions } from '../embedded-server';
import { silentLogger } from '../server-context';
import { type FromDatabaseThread, type ThreadedMongoOptions, type ToDatabaseThread } from './thread-messages';

const ENTRY = new URL('./database-thread-entry.ts', import.meta.url);

export interface ThreadedEmbeddedMongo extends EmbeddedMongo {
  /** Called if the thread ends or throws after it started; the data on disk is as its journal left it. */
  onFailure(listener: (error: Error) => void): void;
}

/**
 * Starts the embedded server on a thread of its own in this process. The application's JavaScript
 * and the database's then run on different cores, and the database's documents live in their own
 * heap, so collecting the application's garbage never walks them. Clients reach it exactly as
 * before, over its socket; logs go to `options.logger` on this thread.
 */
export function startEmbeddedMongoInThread(options: EmbeddedMongoOptions = {}): Promise<ThreadedEmbeddedMongo> {
  const { logger = silentLogger, ...serverOptions } = options;
  const worker = startTypeScriptWorker(ENTRY, { workerData: serverOptions satisfies ThreadedMongoOptions });
  const failureListeners: Array<(error: Error) => void> = [];
  let stopping: Promise<void> | undefined;
  let exited = false;
  let stopped: () => void = () => {};

  return new Promise((resolve, reject) => {
    let started = false;
    let failed = false;
    // A thread that throws also exits: its listeners hear of the failure once.
    const fail = (error: Error) => {
      if (!started) reject(error);
      else if (!stopping && !failed) failureListeners.forEach((listener) => listener(error));
      failed = true;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      exited = true;
      stopped();
      fail(new Error(`the embedded database's thread ended (exit code ${code})`));
    });
    worker.on('message', (message: FromDatabaseThread) => {
      switch (message.type) {
        case 'log':
          logger[message.level](message.obj, message.msg);
          return;
        case 'start-failed':
          reject(message.error);
          return;
        case 'stopped':
          stopped();
          return;
        case 'started':
          started = true;
          resolve({
            uri: message.uri,
            host: message.host,
            port: message.port,
            onFailure: (listener) => failureListeners.push(listener),
            stop() {
              stopping ??= (async () => {
                if (exited) return;
                // The thread answers once its journal is flushed and closed; then nothing of it is needed.
                await new Promise<void>((done) => {
                  stopped = done;
                  worker.postMessage({ type: 'stop' } satisfies ToDatabaseThread);
                });
                await worker.terminate();
              })();
              return stopping;
            },
          });
      }
    });
  });
}
