import { type Clock } from '#server/app-context';
import { startKiwandaServer, type RunningKiwanda } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';

import { testConfig } from './app-context';

/** Starts the whole Kiwanda server on a free port against this worker's test database. */
export async function startTestServer({
  clock,
  env,
  firstRun = false,
}: {
  clock?: Clock;
  /** Settings to change from the test defaults, as environment variables (KIWANDA_DEMO: '1' loads the demo). */
  env?: Record<string, string>;
  /** Whether an empty database opens the first-run page, as `npm start` does; tests make their own data by default. */
  firstRun?: boolean;
} = {}): Promise<RunningKiwanda> {
  const config = testConfig(env);
  return startKiwandaServer({ config, logger: createLogger(config), clock, firstRun });
}
