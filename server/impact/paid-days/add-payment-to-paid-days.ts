import { type ClientSession, mongo } from 'mongoose';

import { ImpactPaidDay } from '../../models/impact-paid-day';
import { type JobDoc } from '../../models/job';
import { Order } from '../../models/order';
import { type PaymentDoc } from '../../models/payment';
import { payoutContribution } from './paid-day-row';
import { addContributionToPaidMonths } from './paid-months';
import { readRecordedFingerprint, recordFingerprint } from './payments-fingerprint';

/**
 * Two payments to one payee on one day, in transactions that overlap, may both insert its row (or
 * its month document). MongoDB answers the later insert with a WriteConflict and the driver
 * retries that transaction; the embedded server answers a duplicate key once the other has
 * committed, so that answer is labelled the same way and the transaction is retried, finding the
 * row the other one made.
 */
async function retriedOnRowRace(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof mongo.MongoServerError && error.code === 11000) {
      error.addErrorLabel('TransientTransactionError');
    }
    throw error;
  }
}

/**
 * Adds a payment just recorded to impact_paid_days and impact_paid_months, inside the payment's own transaction, so the
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
  await retriedOnRowRace(() =>
    ImpactPaidDay.updateOne(
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
    ),
  );
  await retriedOnRowRace(() => addContributionToPaidMonths({ part, session }));
  // The payment is the newest: a fresh ObjectId carries the current time.
  await recordFingerprint({
    fingerprint: { ...recorded, payments: recorded.payments + 1, newestPaymentId: String(payment._id) },
    session,
  });
}
