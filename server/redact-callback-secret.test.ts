import { describe, expect, it } from 'vitest';

import { redactCallbackSecret } from './redact-callback-secret';

describe('request paths in the logs', () => {
  it('hides the secret of a provider callback path, keeping what follows it', () => {
    expect(redactCallbackSecret('/integrations/mpesa/s3cr3t-Value_42/result')).toBe(
      '/integrations/mpesa/[secret]/result',
    );
    expect(redactCallbackSecret('/integrations/ussd/abcDEF0123456789abcdef?x=1')).toBe(
      '/integrations/ussd/[secret]?x=1',
    );
  });

  it('leaves every other path as it is', () => {
    expect(redactCallbackSecret('/orders?q=integrations/mpesa/x')).toBe('/orders?q=integrations/mpesa/x');
    expect(redactCallbackSecret('/integrations/')).toBe('/integrations/');
  });
});
