import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createAppContext, SYSTEM_CLOCK, type Clock, type RequestLoadContext } from '#server/app-context';
import { createSessionCookies } from '#server/auth/session-storage';
import { loadConfig } from '#server/config';
import { createLogger } from '#server/logger';

import { testDatabaseUri } from './test-database';

export const TEST_SESSION_SECRET = 'kiwanda-test-session-secret-0123456789';

/** The settings of a test server: this worker's database, a fresh data folder, quiet logs, no timed re-plans. */
export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: testDatabaseUri(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-test-')),
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests start re-plans themselves; a timer-driven one would add plans they did not expect.
    REPLAN_DEBOUNCE_MS: '0',
    // Likewise webhooks: the tests that send them turn the dispatcher on.
    WEBHOOK_POLL_MS: '0',
    ...overrides,
  });
}

/** The load context a running server hands to loaders, for calling app/*.server.ts helpers directly. */
export function makeTestAppContext({ clock = SYSTEM_CLOCK }: { clock?: Clock } = {}): RequestLoadContext {
  const config = testConfig();
  const context = createAppContext({
    config,
    logger: createLogger(config),
    clock,
    sessions: createSessionCookies({ secret: TEST_SESSION_SECRET, secure: false }),
  });
  return { ...context, client: { address: '127.0.0.1', cspNonce: '' } };
}
