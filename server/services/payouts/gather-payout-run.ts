import { type Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { DomainError } from '../../domain/errors';
import { payableShillings } from '../../domain/payout-status';
import { Artisan } from '../../models/artisan';
import { Job } from '../../models/job';
import { Payment, type PaymentDoc } from '../../models/payment';
import { Payout } from '../../models/payout';
import { PayoutLease } from '../../models/payout-lease';
import { PayoutRun, type PayoutRunDoc } from '../../models/payout-run';
import { Workshop } from '../../models/workshop';
import { actorStamp, recordAuditEvent } from '../audit/record-audit-event';
import { recordPayment } from '../payments/record-payment';
import { runInTransaction } from '../run-in-transaction';
import { assertMayManagePayouts } from './payout-permissions';

export class NothingToPayError extends DomainError {
  override name = 'NothingToPayError';
}

/** Records the payment of every job that passed QC and has none yet (recordPayment is exactly-once). */
async function recordPaymentsOfPassedJobs(actor: Actor): Promise<void> {
  const passed = await Job.find({ status: 'passed' }, { _id: 1 }).lean();
  for (const job of passed) await recordPayment({ jobId: String(job._id), actor });
}

function payeeKey(payment: PaymentDoc): string {
  return payment.payee.kind === 'artisan'
    ? `a:${String(payment.payee.artisan)}`
    : `w:${String(payment.payee.workshop)}`;
}

/**
 * Gathers every payment due (pending and in no payout run yet) into a new run, one payout per
 * artisan or workshop, for a manager to review and approve. Runs are gathered one at a time: each
 * gathering writes the same lock row in its transaction, so two at once conflict and the second
 * (retried) finds the payments taken.
 */
export async function gatherPayoutRun({ actor, now }: { actor: Actor; now: Date }): Promise<PayoutRunDoc> {
  assertMayManagePayouts(actor, 'gather payouts');
  await recordPaymentsOfPassedJobs(actor);
  return runInTransaction(async (unit) => {
    const { session } = unit;
    await PayoutLease.updateOne(
      { _id: 'gather' },
      { $set: { holder: actor.label, expiresAt: now } },
      { session, upsert: true },
    );
    const openRuns = await PayoutRun.find({ status: { $ne: 'cancelled' } }, { _id: 1 }, { session, lean: true });
    const taken = await Payout.distinct('payments', { run: { $in: openRuns.map((run) => run._id) } }, { session });
    const due = await Payment.find({ status: 'pending', _id: { $nin: taken } }, null, { session, lean: true }).sort({
      createdAt: 1,
    });
    if (due.length === 0) throw new NothingToPayError('No payments are due: every passed job is paid or in a run.');

    const groups = new Map<string, PaymentDoc[]>();
    for (const payment of due) groups.set(payeeKey(payment), [...(groups.get(payeeKey(payment)) ?? []), payment]);
    const artisanIds = due.flatMap((payment) => (payment.payee.artisan ? [payment.payee.artisan] : []));
    const workshopIds = due.map((payment) => payment.payee.workshop);
    const [artisans, workshops] = await Promise.all([
      Artisan.find({ _id: { $in: artisanIds } }, { name: 1 }, { session, lean: true }),
      Workshop.find({ _id: { $in: workshopIds } }, { name: 1 }, { session, lean: true }),
    ]);
    const names = new Map<string, string>([
      ...artisans.map((artisan) => [String(artisan._id), artisan.name] as const),
      ...workshops.map((workshop) => [String(workshop._id), workshop.name] as const),
    ]);

    const [run] = await PayoutRun.create(
      [
        {
          status: 'awaiting_approval',
          gatheredAt: now,
          gatheredBy: actorStamp(actor),
          payoutCount: 0,
          paymentCount: 0,
          amountCents: 0,
          shillings: 0,
        },
      ],
      { session },
    );
    const payouts = [...groups.values()].map((payments) => {
      const [first] = payments;
      const amountCents = payments.reduce((sum, payment) => sum + payment.amountCents, 0);
      const payeeId: Types.ObjectId = first.payee.artisan ?? first.payee.workshop;
      return {
        run: run._id,
        payee: first.payee,
        payeeName: names.get(String(payeeId)) ?? String(payeeId),
        // The number of the newest payment: the one the payee gave last.
        phone: payments.at(-1)!.phone,
        payments: payments.map((payment) => payment._id),
        amountCents,
        ...payableShillings(amountCents),
        attempts: 0,
      };
    });
    await Payout.insertMany(payouts, { session });
    const totals = {
      payoutCount: payouts.length,
      paymentCount: due.length,
      amountCents: payouts.reduce((sum, payout) => sum + payout.amountCents, 0),
      shillings: payouts.reduce((sum, payout) => sum + payout.shillings, 0),
    };
    await PayoutRun.updateOne({ _id: run._id }, { $set: totals }, { session });
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'payout_run', id: run._id },
      action: 'payout_run.gathered',
      after: totals,
      at: now,
    });
    unit.publishAfterCommit('payout:changed', { runId: String(run._id), status: 'awaiting_approval' });
    return { ...run.toObject(), ...totals };
  });
}
