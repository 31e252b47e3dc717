/**
 * A page thread that starts, then ends the moment it is handed a request, as a thread whose
 * render crashed would (test/integration/page-thread-pool.test.ts).
 */
import { parentPort } from 'node:worker_threads';

const port = parentPort!;
port.on('message', (message: { type: string }) => {
  if (message.type === 'request') process.exit(3);
  if (message.type === 'stop') port.close();
});
port.postMessage({ type: 'ready' });
