import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      MOCKS: false,
      REPLAN_DEBOUNCE_MS: 30_000,
      WEBHOOK_POLL_MS: 2_000,
      WEBHOOK_RETRY_BASE_MS: 30_000,
      WEBHOOK_MAX_ATTEMPTS: 12,
      API_RATE_LIMIT_PER_MINUTE: 3_000,
      SHOPIFY_CHANNEL: 'web-shop',
      SHOPIFY_LEAD_DAYS: 21,
      KIWANDA_DEMO: false,
      CAPACITY_HOLD_HOURS: 72,
      MAX_REQUEST_BODY_BYTES: 1_048_576,
      PAYOUT_POLL_MS: 2_000,
      PAYOUT_RESULT_WAIT_MS: 300_000,
      SMS_POLL_MS: 2_000,
      SIGN_IN_FAILURES_PER_ACCOUNT: 10,
      SIGN_IN_FAILURES_PER_ADDRESS: 50,
      SIGN_IN_THROTTLE_SECONDS: 900,
    });
  });

  it('treats empty strings as unset and parses the values it is given', () => {
    const config = loadConfig({
      PORT: '0',
      MONGODB_URI: 'mongodb://db:27017/kiwanda',
      MOCKS: 'true',
      SESSION_SECRET: '',
    });
    expect(config).toMatchObject({ PORT: 0, MONGODB_URI: 'mongodb://db:27017/kiwanda', MOCKS: true });
    expect(config.SESSION_SECRET).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MONGODB_URI', 'postgres://db/kiwanda'],
    ['SESSION_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['MOCKS', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['REPLAN_DEBOUNCE_MS', '-1'],
    ['PAGE_THREADS', 'many'],
    ['PAGE_THREADS', '-1'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('refuses MOCKS=true in production, naming MOCKS', () => {
    expect(() => loadConfig({ MOCKS: 'true', NODE_ENV: 'production' })).toThrow(
      /^Invalid configuration:\n {2}MOCKS: must not be true with NODE_ENV=production/,
    );
    expect(loadConfig({ MOCKS: 'true', NODE_ENV: 'development' }).MOCKS).toBe(true);
  });
});
