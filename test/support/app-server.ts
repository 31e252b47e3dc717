import { setTimeout as sleep } from 'node:timers/promises';

import { type Clock } from '#server/app-context';
import { startKiwandaServer, type RunningKiwanda } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';

import { testConfig } from './app-context';

/** Starts the whole Kiwanda server on a free port against this worker's test database. */
export async function startTestServer({
  clock,
  env,
  firstRun = false,
  pageThreads = 0,
}: {
  clock?: Clock;
  /** Settings to change from the test defaults, as environment variables (KIWANDA_DEMO: '1' loads the demo). */
  env?: Record<string, string>;
  /** Whether an empty database opens the first-run page, as `npm start` does; tests make their own data by default. */
  firstRun?: boolean;
  /** Threads rendering GET pages (server/page-threads/), ready before this returns; none by default. */
  pageThreads?: number;
} = {}): Promise<RunningKiwanda> {
  const config = testConfig({ PAGE_THREADS: String(pageThreads), ...env });
  const server = await startKiwandaServer({ config, logger: createLogger(config), clock, firstRun });
  for (let waited = 0; server.pageThreads?.status().some((thread) => !thread.ready); waited += 50) {
    if (waited > 30_000) throw new Error('the page threads did not start within 30 s');
    await sleep(50);
  }
  return server;
}
