import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../server/config';
import { startKiwandaServer, type RunningKiwanda } from '../../server/kiwanda-server';
import { createLogger } from '../../server/logger';
import { testDatabaseUri } from './test-database';

/** Starts the whole Kiwanda server on a free port against this worker's test database. */
export async function startTestServer(): Promise<RunningKiwanda> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: testDatabaseUri(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-test-')),
    SESSION_SECRET: 'kiwanda-test-session-secret-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests start re-plans themselves; a timer-driven one would add plans they did not expect.
    REPLAN_DEBOUNCE_MS: '0',
  });
  return startKiwandaServer({ config, logger: createLogger(config) });
}
