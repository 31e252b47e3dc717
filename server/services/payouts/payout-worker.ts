import { hostname } from 'node:os';

import { Types } from 'mongoose';

import { type DarajaClient } from '../../integrations/mpesa/daraja-client';
import { type Logger } from '../../logger';
import { PayoutLease } from '../../models/payout-lease';
import { startPollingWorker } from '../polling-worker';
import { applyReceivedCallbacks } from './apply-daraja-callback';
import { markOverdueAttemptsUnknown, queryUnknownAttempts, sendPendingAttempts } from './send-payouts';

const LEASE_ID = 'sender';

/**
 * Takes or renews the sending lease. Only its holder sends, so two app processes never work on
 * the same run; a process that dies holds it at most `leaseMs` longer.
 * NOTE: even a holder that outlives its lease mid-request cannot pay twice: every attempt keeps its
 * OriginatorConversationID, and M-Pesa refuses a second request with the same one.
 */
async function holdLease({ holder, leaseMs }: { holder: string; leaseMs: number }): Promise<boolean> {
  const now = new Date();
  try {
    const lease = await PayoutLease.findOneAndUpdate(
      { _id: LEASE_ID, $or: [{ holder }, { expiresAt: { $lt: now } }] },
      { $set: { holder, expiresAt: new Date(now.getTime() + leaseMs) } },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    return lease?.holder === holder;
  } catch (error) {
    // Another holder's unexpired lease: the upsert collides with its _id.
    if ((error as { code?: number }).code === 11000) return false;
    throw error;
  }
}

/**
 * The payout worker: every `pollMs` it applies callbacks stored but not applied, sends approved
 * attempts, turns overdue ones unknown and asks M-Pesa about unknown ones. Its state lives in the
 * database, so a restarted process carries on where the last one stopped.
 * NOTE: times follow the wall clock, not the app's Clock: they are about M-Pesa's real delays.
 */
export function startPayoutWorker({
  client,
  logger,
  pollMs,
  resultWaitMs,
}: {
  client: DarajaClient;
  logger: Logger;
  pollMs: number;
  resultWaitMs: number;
}) {
  const holder = `${hostname()}:${process.pid}:${new Types.ObjectId().toHexString()}`;
  const leaseMs = Math.max(pollMs * 5, 1_000);
  let stopping = false;
  const stillMine = async () => !stopping && (await holdLease({ holder, leaseMs }));
  const worker = startPollingWorker({
    name: 'payout',
    pollMs,
    logger,
    async round() {
      if (!(await stillMine())) return;
      await applyReceivedCallbacks({ now: new Date() });
      await sendPendingAttempts({ client, now: () => new Date(), beforeEach: stillMine });
      await markOverdueAttemptsUnknown({ now: new Date(), resultWaitMs });
      await queryUnknownAttempts({ client, now: new Date(), resultWaitMs, beforeEach: stillMine });
    },
  });

  return {
    async stop(): Promise<void> {
      stopping = true;
      await worker.stop();
      await PayoutLease.deleteOne({ _id: LEASE_ID, holder }).catch(() => undefined);
    },
  };
}
