import { type Types } from 'mongoose';

import { SYSTEM_ACTOR } from '../../domain/actor';
import { FINAL_PAYOUT_STATES, type PayoutState } from '../../domain/payout-status';
import { Payment } from '../../models/payment';
import { Payout } from '../../models/payout';
import { PayoutAttempt, type PayoutAttemptDoc } from '../../models/payout-attempt';
import { PayoutRun } from '../../models/payout-run';
import { recordAuditEvent } from '../audit/record-audit-event';
import { queueReceiptMessage } from '../messages/queue-artisan-messages';
import { type UnitOfWork } from '../run-in-transaction';

/** What the payments of a payout show while its latest attempt is in each state (the phones read it). */
const PAYMENT_STATUS_OF: Record<PayoutState, 'pending' | 'sent' | 'confirmed' | 'failed'> = {
  pending: 'pending',
  submitted: 'sent',
  unknown: 'sent',
  paid: 'confirmed',
  failed: 'failed',
};

export interface AttemptMove {
  to: PayoutState;
  /** The states the attempt may be in for the move to happen; otherwise nothing changes. */
  from: readonly PayoutState[];
  at: Date;
  set?: Partial<Pick<PayoutAttemptDoc, 'conversationId' | 'receipt' | 'resultCode' | 'resultDesc' | 'lastError'>>;
}

/**
 * Moves one attempt, inside the caller's transaction, only if it is still in one of `from`: the
 * check and the write are one update, so a callback that comes twice, or a result racing the
 * request's own answer, changes the attempt once. Its payments follow (receipt on paid), and an
 * event tells the pages. Returns the attempt as moved, or null when it had moved on already.
 */
export async function movePayoutAttempt({
  unit,
  attemptId,
  move,
}: {
  unit: UnitOfWork;
  attemptId: Types.ObjectId;
  move: AttemptMove;
}): Promise<PayoutAttemptDoc | null> {
  const { session } = unit;
  const stamps: Partial<PayoutAttemptDoc> =
    move.to === 'submitted'
      ? { submittedAt: move.at }
      : move.to === 'paid' || move.to === 'failed'
        ? { resolvedAt: move.at }
        : {};
  const attempt = await PayoutAttempt.findOneAndUpdate(
    { _id: attemptId, status: { $in: move.from } },
    { $set: { status: move.to, ...stamps, ...move.set } },
    { session, returnDocument: 'after', lean: true },
  );
  if (!attempt) return null;
  const payout = await Payout.findById(attempt.payout, null, { session, lean: true });
  if (!payout) return attempt;
  // Only the latest attempt speaks for the payments: an old one cannot undo a retry's state.
  if (attempt.number === payout.attempts) {
    const paymentStatus = PAYMENT_STATUS_OF[move.to];
    await Payment.updateMany(
      { _id: { $in: payout.payments }, status: { $ne: 'confirmed' } },
      { $set: { status: paymentStatus, ...(move.to === 'paid' ? { providerReference: attempt.receipt } : {}) } },
      { session },
    );
    // The artisan's SMS receipt, written with the payment it confirms.
    if (move.to === 'paid' && attempt.receipt)
      await queueReceiptMessage({ unit, payout, receipt: attempt.receipt, at: move.at });
  }
  // Every settling move writes its run, so two settling at once conflict and one is retried:
  // without that, each could see the other still open and neither would complete the run.
  if (FINAL_PAYOUT_STATES.includes(move.to))
    await PayoutRun.updateOne({ _id: attempt.run }, { $set: { updatedAt: move.at } }, { session });
  // Earlier attempts are all failed (a retry needs that), so any attempt still open is a latest one.
  const runFinished =
    FINAL_PAYOUT_STATES.includes(move.to) &&
    !(await PayoutAttempt.exists({ run: attempt.run, status: { $nin: FINAL_PAYOUT_STATES } }).session(session));
  if (runFinished) {
    const completed = await PayoutRun.updateOne(
      { _id: attempt.run, status: 'paying' },
      { $set: { status: 'completed', completedAt: move.at } },
      { session },
    );
    if (completed.modifiedCount === 1)
      unit.publishAfterCommit('payout:changed', { runId: String(attempt.run), status: 'completed' });
  }
  await recordAuditEvent({
    session,
    actor: SYSTEM_ACTOR,
    entity: { kind: 'payout', id: payout._id },
    action: `payout.${move.to}`,
    after: { attempt: attempt.originatorConversationId, ...move.set },
    at: move.at,
  });
  unit.publishAfterCommit('payout:changed', {
    runId: String(payout.run),
    payoutId: String(payout._id),
    workshopId: String(payout.payee.workshop),
    artisanId: payout.payee.artisan ? String(payout.payee.artisan) : null,
    status: move.to,
  });
  return attempt;
}
