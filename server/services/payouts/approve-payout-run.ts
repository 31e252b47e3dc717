import { type ClientSession, Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { IllegalTransitionError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Payout } from '../../models/payout';
import { PayoutAttempt } from '../../models/payout-attempt';
import { PayoutRun, type PayoutRunDoc } from '../../models/payout-run';
import { actorStamp, recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { assertMayManagePayouts } from './payout-permissions';

const RunInput = z.object({ runId: objectIdString });

/**
 * The id M-Pesa knows an attempt by: unique per attempt, fixed before the request is sent, so
 * resending it after a crash is refused by Daraja as a duplicate instead of paying again.
 */
export function originatorConversationIdOf({ payoutId, number }: { payoutId: Types.ObjectId; number: number }): string {
  return `KIWANDA-${payoutId.toHexString()}-${number}`;
}

/** Everything the payout worker needs to send attempt `number` of a payout. */
export function newAttempt(
  payout: { _id: Types.ObjectId; run: Types.ObjectId; phone: string; shillings: number },
  number: number,
) {
  return {
    payout: payout._id,
    run: payout.run,
    number,
    originatorConversationId: originatorConversationIdOf({ payoutId: payout._id, number }),
    phone: payout.phone,
    shillings: payout.shillings,
    status: 'pending' as const,
    statusQueries: 0,
  };
}

/**
 * A manager approves a gathered run: each payout gets its first attempt, which the payout worker
 * sends. Approving twice is refused (the run is no longer awaiting approval).
 */
export async function approvePayoutRun({
  actor,
  now,
  ...input
}: {
  actor: Actor;
  now: Date;
  runId: string;
}): Promise<PayoutRunDoc> {
  const { runId } = validateInput(RunInput, input);
  assertMayManagePayouts(actor, 'approve payouts');
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const run = await leaveApproval({
      session,
      runId,
      to: 'paying',
      set: { approvedAt: now, approvedBy: actorStamp(actor) },
    });
    const payouts = await Payout.find({ run: run._id }, null, { session, lean: true });
    await PayoutAttempt.insertMany(
      payouts.map((payout) => newAttempt(payout, 1)),
      { session },
    );
    await Payout.updateMany({ run: run._id }, { $set: { attempts: 1 } }, { session });
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'payout_run', id: run._id },
      action: 'payout_run.approved',
      after: { payouts: payouts.length, shillings: run.shillings },
      at: now,
    });
    unit.publishAfterCommit('payout:changed', { runId, status: 'paying' });
    return run;
  });
}

/** Drops a run that has not been approved; its payments are gathered again by the next run. */
export async function cancelPayoutRun({
  actor,
  now,
  ...input
}: {
  actor: Actor;
  now: Date;
  runId: string;
}): Promise<PayoutRunDoc> {
  const { runId } = validateInput(RunInput, input);
  assertMayManagePayouts(actor, 'cancel payout runs');
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const run = await leaveApproval({ session, runId, to: 'cancelled', set: { cancelledAt: now } });
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'payout_run', id: run._id },
      action: 'payout_run.cancelled',
      at: now,
    });
    unit.publishAfterCommit('payout:changed', { runId, status: 'cancelled' });
    return run;
  });
}

/** Moves a run awaiting approval to `to`, or says why it cannot: no such run, or already decided. */
async function leaveApproval({
  session,
  runId,
  to,
  set,
}: {
  session: ClientSession;
  runId: string;
  to: 'paying' | 'cancelled';
  set: Record<string, unknown>;
}): Promise<PayoutRunDoc> {
  const run = await PayoutRun.findOneAndUpdate(
    { _id: new Types.ObjectId(runId), status: 'awaiting_approval' },
    { $set: { status: to, ...set } },
    { session, returnDocument: 'after', lean: true },
  );
  if (run) return run;
  const existing = await PayoutRun.findById(runId, { status: 1 }, { session, lean: true });
  if (!existing) throw new NotFoundError('payout run', runId);
  throw new IllegalTransitionError({ entity: 'payout run', id: runId, from: existing.status, to });
}
