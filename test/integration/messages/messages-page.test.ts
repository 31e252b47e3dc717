import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSmsClient, type SmsClient } from '#server/integrations/africas-talking/sms-client';
import { createDarajaClient } from '#server/integrations/mpesa/daraja-client';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Payment } from '#server/models/payment';
import { SmsMessage } from '#server/models/sms-message';
import { User } from '#server/models/user';
import { sendDueMessages } from '#server/services/messages/send-messages';
import { sendPendingAttempts } from '#server/services/payouts/send-payouts';

import { makeActor } from '../../factories/actors';
import {
  africasTalkingHandlers,
  createFakeAfricasTalking,
  FAKE_AT_BASE_URL,
  FAKE_AT_CREDENTIALS,
} from '../../mocks/africas-talking';
import { darajaHandlers } from '../../mocks/daraja';
import { createFakeDaraja } from '../../mocks/fake-daraja';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { mpesaEnv, seedPassedWork } from '../payouts/payout-fixture';

const PUBLIC = 'http://kiwanda.test';
const SMS_SECRET = 'kiwanda-test-sms-callback-secret-0123';
const SETTLE = { timeout: 15_000, interval: 50 };

describe('a payment receipt by SMS, its delivery report and the messages page', () => {
  let server: RunningKiwanda;
  let sms: SmsClient;
  const daraja = createFakeDaraja({
    deliver: async (url, body) => {
      await fetch(url.replace(PUBLIC, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
  });
  const africasTalking = createFakeAfricasTalking();
  const msw = setupServer(...darajaHandlers(daraja), ...africasTalkingHandlers(africasTalking));
  const reportUrl = () => `${server.url}/integrations/africas-talking/${SMS_SECRET}/sms/delivery-reports`;
  const postReport = (fields: Record<string, string>, url = reportUrl()) =>
    fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  const page = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

  beforeAll(async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    server = await startTestServer({
      env: {
        ...mpesaEnv({ baseUrl: 'https://sandbox.safaricom.co.ke', publicBaseUrl: PUBLIC }),
        PAYOUT_POLL_MS: '0',
        SMS_POLL_MS: '0',
        AT_BASE_URL: FAKE_AT_BASE_URL,
        AT_USERNAME: FAKE_AT_CREDENTIALS.username,
        AT_API_KEY: FAKE_AT_CREDENTIALS.apiKey,
        AT_CALLBACK_SECRET: SMS_SECRET,
      },
    });
    msw.use(http.all(`${server.url}/*`, () => passthrough()));
    const { sms: settings } = server.context.messages;
    if (!settings.enabled) throw new Error(settings.reason);
    sms = createSmsClient(settings.settings);
    await clearDomainDatabase();
  });
  afterAll(async () => {
    msw.close();
    await server?.close();
  });

  it('queues the receipt when M-Pesa confirms the payment, sends it, and shows its delivery', async () => {
    const { artisans } = await seedPassedWork({ jobsPerArtisan: [2] });
    await User.create({
      email: 'paid-artisan@test.kiwanda',
      name: artisans[0].name,
      role: 'artisan',
      artisan: artisans[0]._id,
      language: 'sw',
      passwordHash: 'x',
    });
    const manager = makeActor('manager');
    const run = await server.context.payouts.gatherPayoutRun({ actor: manager });
    await server.context.payouts.approvePayoutRun({ actor: manager, runId: String(run._id) });
    const { daraja: settings } = server.context.payouts;
    if (!settings.enabled) throw new Error(settings.reason);
    await sendPendingAttempts({
      client: createDarajaClient(settings.settings),
      now: () => new Date(),
      beforeEach: async () => true,
    });
    await expect.poll(() => Payment.find().distinct('status'), SETTLE).toEqual(['confirmed']);
    const [receipt] = await Payment.find().distinct('providerReference');

    const queued = await SmsMessage.find().lean();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'receipt', status: 'queued', language: 'sw', phone: artisans[0].phone });
    expect(queued[0].text).toBe(
      `Kiwanda: KES 1,925 zimetumwa kwa M-Pesa yako. Risiti ${receipt}. Asante kwa kazi yako!`,
    );

    expect(await sendDueMessages({ client: sms, now: () => new Date(), retryBaseMs: 1_000 })).toBe(1);
    const [sent] = africasTalking.sent;
    expect(sent.message).toBe(queued[0].text);

    const report = { id: sent.messageId, status: 'Success', phoneNumber: sent.to, networkCode: '63902' };
    expect((await postReport(report)).status).toBe(200);
    expect((await postReport(report)).status).toBe(200);
    expect(await SmsMessage.findOne().lean()).toMatchObject({ status: 'delivered', reports: [{ status: 'Success' }] });

    // An id Kiwanda never sent is answered 200 and ignored; a bad body is answered 400 naming the field.
    expect((await postReport({ ...report, id: 'ATXid_elsewhere' })).status).toBe(200);
    const bad = await postReport({ id: sent.messageId, status: 'Read' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^status: must be one of Sent, Submitted/);
    const missing = await postReport({ status: 'Success' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/^id: /);
    const elsewhere = reportUrl().replace(SMS_SECRET, 'x'.repeat(SMS_SECRET.length));
    expect((await postReport(report, elsewhere)).status).toBe(404);

    const { cookie } = await signIn({ baseUrl: server.url, role: 'manager' });
    const html = await (await page('/messages', cookie)).text();
    expect(html).toContain(artisans[0].name);
    expect(html).toContain(receipt);
    expect(html).toContain('Delivered');
    expect(html).toContain('network 63902');
    expect(html).not.toContain(SMS_SECRET);
    expect(await (await page('/messages?kind=offer', cookie)).text()).toContain('No messages match these filters.');
    const wrong = await page('/messages?status=lost', cookie);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('status');

    // Sending again is for failed and unknown messages only; a bad id is named.
    const resend = (messageId: string) =>
      fetch(`${server.url}/messages?index`, {
        method: 'POST',
        headers: { Cookie: cookie, origin: server.url },
        body: new URLSearchParams({ messageId }),
      });
    const delivered = await resend(String(queued[0]._id));
    expect(delivered.status).toBe(409);
    expect(await delivered.text()).toContain('cannot go from delivered to queued');
    const malformed = await resend('nope');
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('messageId');

    const admin = await signIn({ baseUrl: server.url, role: 'admin' });
    expect(await (await page('/messages', admin.cookie)).text()).toContain(
      `${PUBLIC}/integrations/africas-talking/${SMS_SECRET}/sms/delivery-reports`,
    );
    const planner = await signIn({ baseUrl: server.url, role: 'planner' });
    expect((await page('/messages', planner.cookie)).status).toBe(403);
  });
});

describe('the messages page with SMS not configured', () => {
  let server: RunningKiwanda;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('says SMS is off and which settings turn it on, and has no delivery-report route', async () => {
    const { cookie } = await signIn({ baseUrl: server.url, role: 'manager' });
    const html = await (await fetch(`${server.url}/messages`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('SMS is off: set AT_BASE_URL, AT_USERNAME, AT_API_KEY, AT_CALLBACK_SECRET');
    const report = await fetch(`${server.url}/integrations/africas-talking/anything/sms/delivery-reports`, {
      method: 'POST',
      body: new URLSearchParams({ id: 'x', status: 'Success' }),
    });
    expect(report.status).toBe(503);
  });
});
