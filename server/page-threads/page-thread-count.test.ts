import { availableParallelism } from 'node:os';

import { describe, expect, it } from 'vitest';

import { pageThreadCount } from './start-page-threads';

describe('pageThreadCount', () => {
  it('leaves one core to the main thread in production unless told otherwise', () => {
    expect(pageThreadCount({ NODE_ENV: 'production', PAGE_THREADS: undefined })).toBe(
      Math.max(1, availableParallelism() - 1),
    );
    expect(pageThreadCount({ NODE_ENV: 'production', PAGE_THREADS: 3 })).toBe(3);
    expect(pageThreadCount({ NODE_ENV: 'production', PAGE_THREADS: 0 })).toBe(0);
  });

  it('starts none in tests unless asked, and never in development, whose build reloads', () => {
    expect(pageThreadCount({ NODE_ENV: 'test', PAGE_THREADS: undefined })).toBe(0);
    expect(pageThreadCount({ NODE_ENV: 'test', PAGE_THREADS: 1 })).toBe(1);
    expect(pageThreadCount({ NODE_ENV: 'development', PAGE_THREADS: 2 })).toBe(0);
  });
});
