import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createDarajaClient, type DarajaClient } from '#server/integrations/mpesa/daraja-client';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Payment } from '#server/models/payment';
import { PayoutAttempt } from '#server/models/payout-attempt';
import { PayoutRun } from '#server/models/payout-run';
import { ProviderCallback } from '#server/models/provider-callback';
import {
  markOverdueAttemptsUnknown,
  queryUnknownAttempts,
  sendPendingAttempts,
} from '#server/services/payouts/send-payouts';

import { makeActor } from '../../factories/actors';
import { darajaHandlers } from '../../mocks/daraja';
import { createFakeDaraja } from '../../mocks/fake-daraja';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { CALLBACK_SECRET, mpesaEnv, seedPassedWork } from './payout-fixture';

const PUBLIC = 'http://kiwanda.test';
const manager = makeActor('manager');
/** Callbacks are applied just after their 200 answer: wait for that (a bound, not a timing check). */
const SETTLE = { timeout: 15_000, interval: 50 };

describe('a payout run through every state, against Daraja mocked with MSW', () => {
  let server: RunningKiwanda;
  let client: DarajaClient;
  // Daraja's callbacks are addressed to PUBLIC_BASE_URL; here that is the test server.
  const fake = createFakeDaraja({
    deliver: async (url, body) => {
      const response = await fetch(url.replace(PUBLIC, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
    },
  });
  const msw = setupServer(...darajaHandlers(fake));
  const step = {
    send: () => sendPendingAttempts({ client, now: () => new Date(), beforeEach: async () => true }),
    query: () => queryUnknownAttempts({ client, now: new Date(), resultWaitMs: 60_000, beforeEach: async () => true }),
  };

  beforeAll(async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    server = await startTestServer({
      env: { ...mpesaEnv({ baseUrl: 'https://sandbox.safaricom.co.ke', publicBaseUrl: PUBLIC }), PAYOUT_POLL_MS: '0' },
    });
    msw.use(http.all(`${server.url}/*`, () => passthrough()));
    const { daraja } = server.context.payouts;
    if (!daraja.enabled) throw new Error(daraja.reason);
    client = createDarajaClient(daraja.settings);
  });
  afterAll(async () => {
    msw.close();
    await server?.close();
  });
  beforeEach(async () => {
    await clearDomainDatabase();
    fake.reset();
    fake.behaviour.holdCallbacks = true;
  });

  async function approvedRun(jobsPerArtisan: number[]) {
    const seeded = await seedPassedWork({ jobsPerArtisan });
    const run = await server.context.payouts.gatherPayoutRun({ actor: manager });
    await server.context.payouts.approvePayoutRun({ actor: manager, runId: String(run._id) });
    return { ...seeded, run };
  }

  it('gathers due work into one payout per artisan, rounded up to whole shillings, and pays it with receipts', async () => {
    const { run, artisans } = await approvedRun([2, 1]);
    expect(run).toMatchObject({
      status: 'awaiting_approval',
      payoutCount: 2,
      paymentCount: 3,
      amountCents: 3 * 962_50,
    });
    // 2 × 962.50 = 1,925.00 exactly; 962.50 rounds up to 963.
    expect(run.shillings).toBe(1_925 + 963);
    await expect(server.context.payouts.gatherPayoutRun({ actor: manager })).rejects.toMatchObject({
      name: 'NothingToPayError',
    });

    expect(await step.send()).toBe(2);
    expect(await PayoutAttempt.find({ run: run._id }).distinct('status')).toEqual(['submitted']);
    expect(await Payment.find().distinct('status')).toEqual(['sent']);
    const sent = fake.requests.filter((request) => request.path === '/mpesa/b2c/v3/paymentrequest');
    expect(sent.map((request) => request.body?.Amount).sort()).toEqual([1_925, 963]);
    expect(sent.map((request) => request.body?.PartyB).sort()).toEqual(artisans.map((a) => a.phone.slice(1)).sort());
    expect(sent.every((request) => request.credentialValid && request.body?.CommandID === 'BusinessPayment')).toBe(
      true,
    );
    // One token for the whole process: a new one would invalidate the last.
    expect(fake.tokensIssued).toBe(1);

    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutRun.findById(run._id)
            .lean()
            .then((r) => r?.status),
        SETTLE,
      )
      .toBe('completed');
    const attempts = await PayoutAttempt.find({ run: run._id }).lean();
    expect(attempts.map((attempt) => attempt.status)).toEqual(['paid', 'paid']);
    const payments = await Payment.find().lean();
    expect(payments.every((payment) => payment.status === 'confirmed')).toBe(true);
    const receipts = new Set(attempts.map((attempt) => attempt.receipt));
    expect(new Set(payments.map((payment) => payment.providerReference))).toEqual(receipts);

    // The same result posted again changes nothing and is kept as ignored.
    const again = fake.deliveredCallbacks[0];
    await fetch(again.url.replace(PUBLIC, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(again.body),
    });
    await expect.poll(() => ProviderCallback.countDocuments({ outcome: 'ignored' }), SETTLE).toBe(1);
    expect(await ProviderCallback.countDocuments({ outcome: 'applied' })).toBe(2);
  });

  it('shows a failure with its code, and retries with a new id only after the failure is confirmed', async () => {
    fake.behaviour.outcomeFor = () => ({ code: 2040, description: 'Credit Party customer type is not supported.' });
    const { run } = await approvedRun([1]);
    await step.send();
    const [first] = await PayoutAttempt.find({ run: run._id }).lean();
    // Still awaiting the result: not retryable.
    await expect(
      server.context.payouts.retryPayout({ actor: manager, payoutId: String(first.payout) }),
    ).rejects.toMatchObject({ name: 'IllegalTransitionError' });
    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutAttempt.findById(first._id)
            .lean()
            .then((a) => a?.status),
        SETTLE,
      )
      .toBe('failed');
    const { payouts } = await server.context.payouts.readPayoutRun({ runId: String(run._id) });
    expect(payouts[0].latest).toMatchObject({
      resultCode: '2040',
      result: 'The number is not a registered M-Pesa customer',
    });
    expect((await Payment.findOne().lean())?.status).toBe('failed');

    fake.behaviour.outcomeFor = () => ({ code: 0 });
    const retry = await server.context.payouts.retryPayout({ actor: manager, payoutId: String(first.payout) });
    expect(retry.number).toBe(2);
    expect(retry.originatorConversationId).not.toBe(first.originatorConversationId);
    await step.send();
    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutRun.findById(run._id)
            .lean()
            .then((r) => r?.status),
        SETTLE,
      )
      .toBe('completed');
    expect((await Payment.findOne().lean())?.status).toBe('confirmed');
    expect(fake.payments.size).toBe(2);
    expect([...fake.payments.values()].filter((payment) => payment.outcome.code === 0)).toHaveLength(1);
  });

  it('turns a queue timeout into unknown and settles it by the Transaction Status query, never by paying again', async () => {
    fake.behaviour.timeOutResults = 1;
    const { run } = await approvedRun([1]);
    await step.send();
    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutAttempt.findOne({ run: run._id })
            .lean()
            .then((a) => a?.status),
        SETTLE,
      )
      .toBe('unknown');
    expect((await Payment.findOne().lean())?.status).toBe('sent');
    expect(await step.send()).toBe(0);

    expect(await step.query()).toBe(1);
    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutAttempt.findOne({ run: run._id })
            .lean()
            .then((a) => a?.status),
        SETTLE,
      )
      .toBe('paid');
    const [payment] = [...fake.payments.values()];
    expect((await Payment.findOne().lean())?.providerReference).toBe(payment.receipt);
    expect(fake.requests.filter((request) => request.path === '/mpesa/b2c/v3/paymentrequest')).toHaveLength(1);
  });

  it('treats a lost result as unknown after the wait, then asks', async () => {
    fake.behaviour.loseResults = 1;
    const { run } = await approvedRun([1]);
    await step.send();
    expect(await markOverdueAttemptsUnknown({ now: new Date(), resultWaitMs: 60_000 })).toBe(0);
    expect(await markOverdueAttemptsUnknown({ now: new Date(Date.now() + 61_000), resultWaitMs: 60_000 })).toBe(1);
    await step.query();
    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutAttempt.findOne({ run: run._id })
            .lean()
            .then((a) => a?.status),
        SETTLE,
      )
      .toBe('paid');
  });

  it('sends the same request again when an answer is lost, and reads "duplicate" as "it arrived"', async () => {
    fake.behaviour.loseAnswers = 1;
    fake.behaviour.spikeArrests = 1;
    const { run } = await approvedRun([1]);
    await step.send(); // spike arrest: nothing reached M-Pesa
    let attempt = await PayoutAttempt.findOne({ run: run._id }).lean();
    expect(attempt).toMatchObject({ status: 'pending', lastError: expect.stringContaining('500.003.02') });
    await step.send(); // paid, but the answer is lost
    expect((await PayoutAttempt.findOne({ run: run._id }).lean())?.status).toBe('pending');
    await step.send(); // the same id again: Daraja refuses the duplicate
    attempt = await PayoutAttempt.findOne({ run: run._id }).lean();
    expect(attempt).toMatchObject({ status: 'submitted', lastError: expect.stringContaining('Duplicate') });
    await fake.flushCallbacks();
    await expect
      .poll(
        () =>
          PayoutAttempt.findOne({ run: run._id })
            .lean()
            .then((a) => a?.status),
        SETTLE,
      )
      .toBe('paid');
    expect(fake.payments.size).toBe(1);
  });

  it('accepts callbacks only under the secret path and only for its own ids', async () => {
    const body = { Result: { ResultCode: 0, OriginatorConversationID: 'someone-else', TransactionID: 'X' } };
    const post = (path: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/integrations/mpesa/not-the-secret/b2c/result')).status).toBe(404);
    const answer = await post(`/integrations/mpesa/${CALLBACK_SECRET}/b2c/result`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ResultCode: 0, ResultDesc: 'Accepted' });
    await expect
      .poll(
        () =>
          ProviderCallback.findOne()
            .lean()
            .then((callback) => callback?.outcome),
        SETTLE,
      )
      .toBe('ignored');
  });
});
