import { Worker } from 'node:worker_threads';

import { type EmbeddedMongo, type EmbeddedMongoOptions } from '../embedded-server';
import { silentLogger } from '../server-context';
import { type FromEmbeddedThread, type ToEmbeddedThread } from './worker-messages';

/**
 * The thread's first code: Node 20 does not apply this process's `--import tsx` to worker threads,
 * so the thread registers tsx itself before it loads the server's TypeScript source.
 */
const THREAD_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => register()).then(() => import(${JSON.stringify(
  new URL('./embedded-thread.ts', import.meta.url).href,
)}))`;

/**
 * Starts the embedded server on a thread of its own. The server parses, runs and journals every
 * command on that thread, so on a machine with two cores the app's own work (rendering pages,
 * building documents, the optimizer) no longer waits behind the database's, and the reverse.
 * Clients reach it over its socket exactly as when it runs on the app's thread.
 *
 * `onUnexpectedExit` is told if the thread ends without being asked to (the data is then out of
 * reach: the caller should stop the process rather than serve errors).
 */
export function startEmbeddedMongoInThread(
  options: EmbeddedMongoOptions & { onUnexpectedExit?: (reason: string) => void },
): Promise<EmbeddedMongo> {
  const { logger = silentLogger, onUnexpectedExit, ...threadOptions } = options;
  const worker = new Worker(THREAD_BOOTSTRAP, { eval: true, workerData: threadOptions });
  let stopRequested = false;
  let stopped: Promise<void> | undefined;
  const stoppedSignal = new Promise<void>((resolve) => {
    worker.on('message', (message: FromEmbeddedThread) => {
      if (message.type === 'log') logger[message.level](message.obj, message.msg);
      if (message.type === 'stopped') resolve();
    });
    worker.once('exit', () => resolve());
  });
  worker.once('exit', (code) => {
    if (!stopRequested) onUnexpectedExit?.(`the embedded database's thread ended with code ${code}`);
  });
  worker.on('error', (error) => logger.error({ err: error.message }, 'embedded mongo: thread failed'));

  return new Promise<EmbeddedMongo>((resolve, reject) => {
    const onStartMessage = (message: FromEmbeddedThread) => {
      if (message.type === 'failed') {
        worker.off('message', onStartMessage);
        stopRequested = true;
        void worker.terminate();
        reject(new Error(message.message));
      }
      if (message.type !== 'ready') return;
      worker.off('message', onStartMessage);
      resolve({
        uri: message.uri,
        host: message.host,
        port: message.port,
        stop() {
          stopped ??= (async () => {
            stopRequested = true;
            worker.postMessage({ type: 'stop' } satisfies ToEmbeddedThread);
            // Stopping flushes the journal; the thread then ends on its own.
            await stoppedSignal;
            await worker.terminate();
          })();
          return stopped;
        },
      });
    };
    worker.on('message', onStartMessage);
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) =>
      reject(new Error(`the embedded database's thread ended with code ${code} before it was ready`)),
    );
  });
}
