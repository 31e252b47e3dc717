import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '#server/config';
import { createSmsClient } from '#server/integrations/africas-talking/sms-client';
import { resolveSmsSettings } from '#server/integrations/africas-talking/sms-settings';
import { darajaAccessToken } from '#server/integrations/mpesa/access-token';
import { resolveDarajaSettings } from '#server/integrations/mpesa/daraja-settings';
import { createLogger } from '#server/logger';
import { installProviderMocks, type ProviderMocks } from '#server/provider-mocks';

describe('MOCKS=true: both providers answered by the mocks, with no credentials', () => {
  const reports: string[] = [];
  // Stands in for Kiwanda's own server: where the mock network posts its delivery reports.
  const own = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      reports.push(`${req.url} ${body}`);
      res.end('OK');
    });
  });
  let mocks: ProviderMocks;

  beforeAll(async () => {
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    const config = loadConfig({ NODE_ENV: 'development', MOCKS: 'true', LOG_LEVEL: 'silent' });
    const ownUrl = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
    mocks = await installProviderMocks({ config, logger: createLogger(config), ownUrl });
  });
  afterAll(async () => {
    mocks?.close();
    await new Promise<void>((resolve) => own.close(() => resolve()));
  });

  it('fills in both providers, sends an SMS through the mock and reports it delivered to this server', async () => {
    const sms = resolveSmsSettings(mocks.config);
    const daraja = resolveDarajaSettings(mocks.config);
    if (!sms.enabled || !daraja.enabled) throw new Error('a provider is still off');
    expect(await darajaAccessToken(daraja.settings)).toMatch(/^[0-9a-f]{32}$/);
    const answer = await createSmsClient(sms.settings).sendSms({ to: '+254712345678', message: 'Habari' });
    expect(answer.kind).toBe('accepted');
    await expect.poll(() => reports.length, { timeout: 15_000, interval: 50 }).toBe(1);
    expect(reports[0]).toContain('/integrations/africas-talking/');
    expect(reports[0]).toContain(`id=${(answer as { messageId: string }).messageId}&status=Success`);
  });
});
