import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createDarajaClient, type DarajaClient } from '#server/integrations/mpesa/daraja-client';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { PayoutAttempt } from '#server/models/payout-attempt';
import { PayoutRun } from '#server/models/payout-run';
import { startPayoutWorker } from '#server/services/payouts/payout-worker';
import { sendPendingAttempts } from '#server/services/payouts/send-payouts';

import { makeActor } from '../../factories/actors';
import { darajaHandlers } from '../../mocks/daraja';
import { createFakeDaraja } from '../../mocks/fake-daraja';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { mpesaEnv, seedPassedWork } from './payout-fixture';

const PUBLIC = 'http://kiwanda.test';
const B2C_PATH = '/mpesa/b2c/v3/paymentrequest';
const manager = makeActor('manager');
const SETTLE = { timeout: 15_000, interval: 50 };

/**
 * Several app processes each run a payout worker on the same database. Each worker here has its
 * own lease holder, as a process of its own would: the run must still be paid once, payment by
 * payment, whichever worker gets to it.
 */
describe('payout workers of two app processes on one run', () => {
  let server: RunningKiwanda;
  let client: DarajaClient;
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
  const paymentRequests = () => fake.requests.filter((request) => request.path === B2C_PATH);

  beforeAll(async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    // The server's own worker is off (PAYOUT_POLL_MS=0): the test runs the two workers.
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
  });

  async function approvedRun(jobsPerArtisan: number[]) {
    await seedPassedWork({ jobsPerArtisan });
    const run = await server.context.payouts.gatherPayoutRun({ actor: manager });
    await server.context.payouts.approvePayoutRun({ actor: manager, runId: String(run._id) });
    return run;
  }

  it('pays every payout of the run once, with both workers polling', async () => {
    const run = await approvedRun([1, 2, 1, 1, 2, 1]);
    const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const workers = [0, 1].map(() => startPayoutWorker({ client, logger, pollMs: 20, resultWaitMs: 60_000 }));
    try {
      await expect
        .poll(
          () =>
            PayoutRun.findById(run._id, { status: 1 })
              .lean()
              .then((r) => r?.status),
          SETTLE,
        )
        .toBe('completed');
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const attempts = await PayoutAttempt.find({ run: run._id }).lean();
    expect(attempts).toHaveLength(6);
    expect(attempts.every((attempt) => attempt.status === 'paid')).toBe(true);
    // A request may be sent again (an answer lost under load is retried with the same id), but
    // each payout has one OriginatorConversationID and M-Pesa made six payments, not more.
    const ids = paymentRequests().map((request) => request.body?.OriginatorConversationID);
    expect(new Set(ids).size).toBe(6);
    expect(fake.payments.size).toBe(6);
  });

  it('pays each payout once even if two processes sent at the same moment without the lease', async () => {
    const run = await approvedRun([1, 1, 1, 1, 1]);
    // What the lease prevents, forced: two senders on the same pending attempts at once. Both may
    // send an attempt (no claim per attempt), but with the attempt's own OriginatorConversationID,
    // which M-Pesa refuses the second time: five payments are made, not ten.
    const send = () => sendPendingAttempts({ client, now: () => new Date(), beforeEach: async () => true });
    await Promise.all([send(), send()]);
    const ids = paymentRequests().map((request) => request.body?.OriginatorConversationID);
    expect(new Set(ids).size).toBe(5);
    expect(fake.payments.size).toBe(5);
    await expect
      .poll(
        () =>
          PayoutRun.findById(run._id, { status: 1 })
            .lean()
            .then((r) => r?.status),
        SETTLE,
      )
      .toBe('completed');
    const attempts = await PayoutAttempt.find({ run: run._id }).lean();
    expect(attempts.map((attempt) => attempt.status)).toEqual(['paid', 'paid', 'paid', 'paid', 'paid']);
  });
});
