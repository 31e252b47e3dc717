import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Payment } from '#server/models/payment';
import { Payout } from '#server/models/payout';
import { PayoutAttempt } from '#server/models/payout-attempt';
import { approvePayoutRun } from '#server/services/payouts/approve-payout-run';
import { gatherPayoutRun } from '#server/services/payouts/gather-payout-run';

import { makeActor } from '../../factories/actors';
import { startDarajaStandIn } from '../../mocks/daraja-stand-in';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { freePort } from '../../support/free-port';
import { testDatabaseUri } from '../../support/test-database';
import { mpesaEnv, seedPassedWork } from './payout-fixture';

const ARTISANS = 4;
const B2C_PATH = '/mpesa/b2c/v3/paymentrequest';

/**
 * The exactly-once proof: Kiwanda runs as its own process (`server/index.ts`, as deployed) against
 * a Daraja stand-in on a local port, configured only by the MPESA_* variables, and is killed with
 * SIGKILL at chosen points of a payout run (just after M-Pesa made a payment, before its answer
 * arrives; while results are in flight), then started again, until the run is settled.
 */
// NOTE: about two minutes here (a killed client's transaction holds its locks for the database's
// 60 s transaction lifetime, and each life boots a server), so it runs by `npm run test:payout-proof`
// rather than in every `npm test`.
describe.skipIf(!process.env.KIWANDA_PAYOUT_PROOF)(
  'a payout run survives SIGKILL at any point',
  { timeout: 150_000 },
  () => {
    let daraja: Awaited<ReturnType<typeof startDarajaStandIn>>;
    let child: ChildProcess | undefined;
    let lives = 0;
    /** Payment requests after which the running process is killed (counting across lives). */
    const killAfterPaymentRequest = new Set([2, 5]);
    let paymentRequests = 0;
    const env: Record<string, string> = {};

    function startKiwanda() {
      lives += 1;
      const started = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn' },
        stdio: ['ignore', process.env.TEST_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
      });
      child = started;
      return new Promise<void>((resolve) => started.once('exit', () => resolve()));
    }

    beforeAll(async () => {
      await connectDomainDatabase();
      await clearDomainDatabase();
      daraja = await startDarajaStandIn({
        afterHandling: (request) => {
          if (request.path !== B2C_PATH) return;
          paymentRequests += 1;
          // M-Pesa has made (or refused as duplicate) the payment; Kiwanda dies before hearing so.
          if (killAfterPaymentRequest.has(paymentRequests)) child?.kill('SIGKILL');
        },
      });
      const port = await freePort();
      Object.assign(env, {
        ...mpesaEnv({ baseUrl: daraja.url, publicBaseUrl: `http://127.0.0.1:${port}` }),
        PORT: String(port),
        HOST: '127.0.0.1',
        MONGODB_URI: testDatabaseUri(),
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-sigkill-')),
        SESSION_SECRET: 'kiwanda-test-session-secret-0123456789',
        PAYOUT_POLL_MS: '100',
        PAYOUT_RESULT_WAIT_MS: '1000',
        REPLAN_DEBOUNCE_MS: '0',
        WEBHOOK_POLL_MS: '0',
      });
    });
    afterAll(async () => {
      child?.kill('SIGKILL');
      await daraja?.close();
      await disconnectDomainDatabase();
    });

    it('pays every payout once: none twice, none lost', async () => {
      await seedPassedWork({ jobsPerArtisan: Array.from({ length: ARTISANS }, (_, n) => 1 + (n % 2)) });
      const manager = makeActor('manager');
      const run = await gatherPayoutRun({ actor: manager, now: new Date() });
      await approvePayoutRun({ actor: manager, now: new Date(), runId: String(run._id) });

      // Restart after every death until every payout is settled (a bounded number of lives).
      const settled = async () => (await PayoutAttempt.countDocuments({ status: { $nin: ['paid', 'failed'] } })) === 0;
      // Results are posted between polls, never while a kill lands: a client killed inside a
      // transaction leaves its locks until the database's 60 s transaction lifetime runs out.
      daraja.fake.behaviour.holdCallbacks = true;
      while (lives < 6) {
        const exited = startKiwanda();
        const outcome = await Promise.race([
          exited.then(() => 'died' as const),
          (async () => {
            while (!(await settled())) {
              await new Promise((resolve) => setTimeout(resolve, 200));
              // Posted to a dead process, a result is lost, as it would be: the status query finds it.
              await daraja.fake.flushCallbacks();
            }
            return 'settled' as const;
          })(),
        ]);
        if (outcome === 'settled') {
          child?.kill('SIGTERM');
          await exited;
          break;
        }
      }

      expect(lives).toBeGreaterThanOrEqual(3);
      const payouts = await Payout.find({ run: run._id }).lean();
      const attempts = await PayoutAttempt.find({ run: run._id }).lean();
      expect(payouts).toHaveLength(ARTISANS);
      expect(attempts.map((attempt) => attempt.status)).toEqual(Array(ARTISANS).fill('paid'));

      // M-Pesa's side: one payment per payout, to the right number, for the right amount.
      const made = [...daraja.fake.payments.values()];
      expect(made).toHaveLength(ARTISANS);
      for (const payout of payouts) {
        const paid = made.filter((payment) => payment.partyB === payout.phone.slice(1));
        expect(paid).toHaveLength(1);
        expect(paid[0].amount).toBe(payout.shillings);
      }
      // Requests were repeated across the deaths, and M-Pesa refused each repeat as a duplicate.
      expect(daraja.fake.requests.filter((request) => request.path === B2C_PATH).length).toBeGreaterThan(ARTISANS);

      // Kiwanda's side: every payment confirmed with the receipt M-Pesa issued.
      const receipts = new Set(made.map((payment) => payment.receipt));
      const payments = await Payment.find().lean();
      expect(payments.every((payment) => payment.status === 'confirmed')).toBe(true);
      expect(new Set(payments.map((payment) => payment.providerReference))).toEqual(receipts);
    });
  },
);
