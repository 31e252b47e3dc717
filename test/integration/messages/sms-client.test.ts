import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { costInKesCents, createSmsClient } from '#server/integrations/africas-talking/sms-client';

import {
  africasTalkingHandlers,
  createFakeAfricasTalking,
  FAKE_AT_BASE_URL,
  FAKE_AT_CREDENTIALS,
} from '../../mocks/africas-talking';
import { freePort } from '../../support/free-port';

const fake = createFakeAfricasTalking();
const server = setupServer(...africasTalkingHandlers(fake));
const settings = {
  baseUrl: FAKE_AT_BASE_URL,
  ...FAKE_AT_CREDENTIALS,
  senderId: 'KIWANDA',
  callbackSecret: 'x'.repeat(24),
};
const client = createSmsClient(settings);
const ARTISAN = '+254712345678';

describe("Africa's Talking SMS client", () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => fake.reset());
  afterAll(() => server.close());

  it('sends form-encoded with the API key and reads the message id and cost of a 201', async () => {
    const answer = await client.sendSms({ to: ARTISAN, message: 'Habari' });
    expect(answer).toMatchObject({ kind: 'accepted', statusCode: 101, cost: 'KES 0.8000', costCents: 80 });
    expect(fake.sent).toEqual([
      { messageId: (answer as { messageId: string }).messageId, to: ARTISAN, message: 'Habari', from: 'KIWANDA' },
    ]);
    expect(fake.requests[0]).toMatchObject({ username: 'sandbox', to: ARTISAN, from: 'KIWANDA' });
  });

  it('answers a wrong API key (401) as not sent, to be tried again', async () => {
    const wrong = createSmsClient({ ...settings, apiKey: 'not-the-key' });
    const answer = await wrong.sendSms({ to: ARTISAN, message: 'Habari' });
    expect(answer).toEqual({
      kind: 'not-sent',
      retryable: true,
      reason: 'HTTP 401: The supplied authentication is invalid',
    });
    expect(fake.sent).toHaveLength(0);
  });

  it('answers an invalid number (per-recipient 403) as rejected for good', async () => {
    fake.behaviour.invalidNumbers.add(ARTISAN);
    expect(await client.sendSms({ to: ARTISAN, message: 'Habari' })).toEqual({
      kind: 'rejected',
      statusCode: 403,
      reason: 'Not a valid phone number',
    });
  });

  it('answers insufficient balance (405) and a gateway error (500) as not sent, to be tried again', async () => {
    fake.behaviour.insufficientBalance = 1;
    fake.behaviour.gatewayErrors = 1;
    expect(await client.sendSms({ to: ARTISAN, message: 'a' })).toMatchObject({
      kind: 'not-sent',
      retryable: true,
      reason: 'HTTP 500: Internal Server Error',
    });
    expect(await client.sendSms({ to: ARTISAN, message: 'b' })).toEqual({
      kind: 'not-sent',
      retryable: true,
      reason: 'The SMS account has too little balance (405)',
    });
    expect(fake.sent).toHaveLength(0);
  });

  it('answers a malformed request (400) as not sent and not worth repeating', async () => {
    expect(await client.sendSms({ to: '', message: 'Habari' })).toMatchObject({ kind: 'not-sent', retryable: false });
  });

  it('answers a lost answer as unknown: the message went, and Kiwanda cannot tell', async () => {
    fake.behaviour.loseAnswers = 1;
    expect(await client.sendSms({ to: ARTISAN, message: 'Habari' })).toMatchObject({ kind: 'unknown' });
    expect(fake.sent).toHaveLength(1);
  });

  it('answers an unreachable host as not sent', async () => {
    // A port nobody listens on: the connection is refused before anything is sent.
    const closedUrl = `http://127.0.0.1:${await freePort()}`;
    server.use(http.post(`${closedUrl}/version1/messaging`, () => passthrough()));
    const closed = createSmsClient({ ...settings, baseUrl: closedUrl });
    expect(await closed.sendSms({ to: ARTISAN, message: 'Habari' })).toMatchObject({
      kind: 'not-sent',
      retryable: true,
    });
  });

  it('reads KES costs in cents', () => {
    expect(costInKesCents('KES 0.8000')).toBe(80);
    expect(costInKesCents('KES 1.2050')).toBe(121);
    expect(costInKesCents('USD 0.01')).toBeUndefined();
    expect(costInKesCents(undefined)).toBeUndefined();
  });
});
