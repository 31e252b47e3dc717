import { type ClientSession } from 'mongoose';

import { ImpactPaidDay } from '../../models/impact-paid-day';
import { type JobDoc } from '../../models/job';
import { Order } from '../../models/order';
import { type PaymentDoc } from '../../models/payment';
import { payoutContribution } from './paid-day-row';
import { readRecordedFingerprint, recordFingerprint } from './payments-fingerprint';

/**
 * Adds a payment just recorded to impact_paid_days, inside the payment's own transaction, so the
 * report's figures move with the money. When the aggregate was already stale (nothing recorded,
 * or data written around the services) it is left alone: the next read rebuilds it, this payment
 * included.
 */
export async function addPaymentToImpactPaidDays({
  session,
  payment,
  job,
}: {
  session: ClientSession;
  payment: PaymentDoc;
  job: Pick<JobDoc, 'order' | 'orderLine' | 'labourMinutesPerUnit' | 'passedAt'>;
}): Promise<void> {
  if (!payment.paidAt || payment.status === 'failed') return;
  const recorded = await readRecordedFingerprint(session);
  if (!recorded) return;
  const order = await Order.findOne({ _id: job.order }, { lines: 1 }, { session }).lean().exec();
  const line = order?.lines.find((candidate) => String(candidate._id) === String(job.orderLine));
  const part = payoutContribution({
    payment: { ...payment, paidAt: payment.paidAt },
    job,
    unitPriceCents: line?.unitPriceCents ?? 0,
  });
  await ImpactPaidDay.updateOne(
    part.key,
    {
      $setOnInsert: { month: part.month },
      $inc: {
        paidCents: part.paidCents,
        labourMinutes: part.labourMinutes,
        revenueCents: part.revenueCents,
        payouts: 1,
      },
      $addToSet: { weeks: part.week },
      ...(part.daysToMoney === undefined ? {} : { $push: { daysToMoney: part.daysToMoney } }),
    },
    { upsert: true, session },
  );
  // The payment is the newest: a fresh ObjectId carries the current time.
  await recordFingerprint({
    fingerprint: { ...recorded, payments: recorded.payments + 1, newestPaymentId: String(payment._id) },
    session,
  });
}
