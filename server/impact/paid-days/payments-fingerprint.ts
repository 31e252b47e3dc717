import { type ClientSession } from 'mongoose';

import { Payment } from '../../models/payment';
import { readAggregateFingerprint, writeAggregateFingerprint } from '../aggregate-state';

/** The impact_aggregate_states entry of the paid-days aggregate. */
export const PAID_DAYS_STATE_ID = 'impact_paid_days';

/**
 * What the paid-days aggregate was built from, cheap to read from the payments collection: how
 * many payments, how many refused, and the newest one's id (ObjectIds carry their creation time,
 * so a reseed dated differently changes it). A payment recorded through the service updates the
 * aggregate and these figures together; anything else (a seed, an import, a payout refused or
 * queued again) leaves them unequal, and the next read rebuilds.
 */
export interface PaymentsFingerprint {
  payments: number;
  failed: number;
  newestPaymentId: string | null;
}

/**
 * Names the set of collections the rebuild writes (days, then months too): a fingerprint recorded
 * before impact_paid_months existed reads as none, so the next read rebuilds both.
 */
const LAYOUT = 'days+months';

export const fingerprintText = (fingerprint: PaymentsFingerprint) =>
  `${fingerprint.payments}:${fingerprint.failed}:${fingerprint.newestPaymentId ?? '-'}:${LAYOUT}`;

export async function readPaymentsFingerprint(): Promise<PaymentsFingerprint> {
  const [payments, failed, newest] = await Promise.all([
    Payment.estimatedDocumentCount(),
    Payment.countDocuments({ status: 'failed' }),
    Payment.findOne({}, { _id: 1 }).sort({ _id: -1 }).lean(),
  ]);
  return { payments, failed, newestPaymentId: newest ? String(newest._id) : null };
}

export async function readRecordedFingerprint(session?: ClientSession): Promise<PaymentsFingerprint | null> {
  const text = await readAggregateFingerprint({ id: PAID_DAYS_STATE_ID, session });
  if (!text) return null;
  const [payments, failed, newest, layout] = text.split(':');
  if (layout !== LAYOUT) return null;
  return { payments: Number(payments), failed: Number(failed), newestPaymentId: newest === '-' ? null : newest };
}

export async function recordFingerprint({
  fingerprint,
  rebuiltAt,
  session,
}: {
  fingerprint: PaymentsFingerprint;
  rebuiltAt?: Date;
  session?: ClientSession;
}): Promise<void> {
  await writeAggregateFingerprint({
    id: PAID_DAYS_STATE_ID,
    fingerprint: fingerprintText(fingerprint),
    rebuiltAt,
    session,
  });
}
