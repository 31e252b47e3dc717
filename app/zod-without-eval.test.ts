import { describe, expect, it } from 'vitest';
import { config } from 'zod';

import { turnOffZodEval } from './zod-without-eval';

describe('zod without eval in the browser', () => {
  it('is what zod itself reads as its configuration', () => {
    const before = config().jitless;
    try {
      turnOffZodEval();
      expect(config().jitless).toBe(true);
    } finally {
      config({ jitless: before });
    }
  });
});
