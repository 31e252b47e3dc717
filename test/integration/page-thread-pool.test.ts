import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import { type Response as ExpressResponse, type Request as ExpressRequest } from 'express';
import { afterEach, describe, expect, it } from 'vitest';

import { createLogger } from '#server/logger';
import { type PageThreads, startPageThreads } from '#server/page-threads/start-page-threads';

import { testConfig } from '../support/app-context';

const CRASHING_THREAD = new URL('../support/crashing-page-thread.ts', import.meta.url);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 25) {
    if (waited > 15_000) throw new Error(`waited 15 s for ${what}`);
    await sleep(25);
  }
}

/** What the pool does when a page thread goes away (start-page-threads.ts). */
describe('the page threads', { timeout: 30_000 }, () => {
  let threads: PageThreads | undefined;
  afterEach(async () => {
    await threads?.close();
  });

  it('answer on the main thread a request whose thread ended, and start the thread again', async () => {
    const config = testConfig();
    threads = startPageThreads({
      count: 1,
      config,
      session: { secret: 'kiwanda-pool-test-secret-0123456789', secure: false },
      database: { uri: config.MONGODB_URI!, embedded: false },
      logger: createLogger(config),
      entry: CRASHING_THREAD,
    });
    await until(() => threads!.status()[0]?.ready === true, 'the thread to start');

    let answeredHere = 0;
    const failures: Error[] = [];
    const served = threads.serve({
      req: {} as ExpressRequest,
      res: new EventEmitter() as unknown as ExpressResponse,
      method: 'GET',
      url: 'http://localhost/overview',
      headers: [],
      client: { address: '127.0.0.1', cspNonce: 'nonce' },
      answerHere: () => (answeredHere += 1),
      fail: (error) => failures.push(error),
    });
    expect(served).toBe(true);
    await until(() => answeredHere === 1, 'the main thread to answer');
    expect(failures).toEqual([]);
    // Until it is back, the main thread takes every page.
    expect(threads.status()[0]?.ready).toBe(false);
    await until(() => threads!.status()[0]?.ready === true, 'the thread to start again');
    expect(threads.status()[0]?.answered).toBe(0);
  });
});
