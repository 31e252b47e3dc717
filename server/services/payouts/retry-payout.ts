import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { IllegalTransitionError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { Payment } from '../../models/payment';
import { Payout } from '../../models/payout';
import { PayoutAttempt, type PayoutAttemptDoc } from '../../models/payout-attempt';
import { PayoutRun } from '../../models/payout-run';
import { Workshop } from '../../models/workshop';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { newAttempt } from './approve-payout-run';
import { assertMayManagePayouts } from './payout-permissions';

const RetryInput = z.object({ payoutId: objectIdString });

/**
 * Sends a payout again, as a new attempt with a new OriginatorConversationID, only once M-Pesa
 * has confirmed that the latest attempt failed; a payout still submitted or unknown is refused,
 * since it may yet be paid. The payee's current number is used (a wrong number is the usual
 * reason to retry). Two retries at once cannot both add an attempt: (payout, number) is unique.
 */
export async function retryPayout({
  actor,
  now,
  ...input
}: {
  actor: Actor;
  now: Date;
  payoutId: string;
}): Promise<PayoutAttemptDoc> {
  const { payoutId } = validateInput(RetryInput, input);
  assertMayManagePayouts(actor, 'retry payouts');
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const payout = await Payout.findById(payoutId, null, { session, lean: true });
    if (!payout) throw new NotFoundError('payout', payoutId);
    const latest = await PayoutAttempt.findOne({ payout: payout._id, number: payout.attempts }, null, {
      session,
      lean: true,
    });
    if (!latest || latest.status !== 'failed') {
      throw new IllegalTransitionError({
        entity: 'payout',
        id: payoutId,
        from: latest?.status ?? 'awaiting approval',
        to: 'retried',
        reason: 'only a payout M-Pesa has confirmed as failed is sent again',
      });
    }
    const payee =
      payout.payee.kind === 'artisan'
        ? await Artisan.findById(payout.payee.artisan, { phone: 1 }, { session, lean: true })
        : await Workshop.findById(payout.payee.workshop, { phone: 1 }, { session, lean: true });
    const phone = payee?.phone ?? payout.phone;
    const number = payout.attempts + 1;
    const updated = await Payout.findOneAndUpdate(
      { _id: payout._id, attempts: payout.attempts },
      { $set: { attempts: number, phone } },
      { session, returnDocument: 'after', lean: true },
    );
    if (!updated) throw new IllegalTransitionError({ entity: 'payout', id: payoutId, from: 'failed', to: 'retried' });
    const [attempt] = await PayoutAttempt.create([newAttempt(updated, number)], { session });
    await Payment.updateMany(
      { _id: { $in: payout.payments }, status: 'failed' },
      { $set: { status: 'pending' } },
      { session },
    );
    await PayoutRun.updateOne(
      { _id: payout.run, status: 'completed' },
      { $set: { status: 'paying' }, $unset: { completedAt: 1 } },
      { session },
    );
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'payout', id: payout._id },
      action: 'payout.retried',
      before: { attempt: latest.originatorConversationId, resultCode: latest.resultCode },
      after: { attempt: attempt.originatorConversationId, phone },
      at: now,
    });
    unit.publishAfterCommit('payout:changed', {
      runId: String(payout.run),
      payoutId,
      workshopId: String(payout.payee.workshop),
      artisanId: payout.payee.artisan ? String(payout.payee.artisan) : null,
      status: 'pending',
    });
    return attempt.toObject();
  });
}
