import { type Types } from 'mongoose';

import { nairobiCalendarDay, nairobiDate, nairobiDateString, type WeekLabel } from '../../domain/weeks';
import { type JobDoc } from '../../models/job';
import { type PaymentDoc } from '../../models/payment';

const DAY_MS = 86_400_000;

/** The row a payout adds to: its payee (artisan, or the workshop as a whole) and Nairobi day. */
export interface PaidDayKey {
  artisan: Types.ObjectId | null;
  workshop: Types.ObjectId;
  day: Date;
}

/** What one payout adds to its row of impact_paid_days. */
export interface PayoutContribution {
  key: PaidDayKey;
  month: string;
  paidCents: number;
  labourMinutes: number;
  revenueCents: number;
  week: WeekLabel;
  /** Absent when the job has no recorded pass. */
  daysToMoney?: number;
}

export type PaidPayment = Pick<PaymentDoc, 'payee' | 'quantity' | 'amountCents' | 'week'> & { paidAt: Date };
export type PaidJob = Pick<JobDoc, 'labourMinutesPerUnit' | 'passedAt'>;

/**
 * One payout's share of the report's money figures: labour is units paid × the job's minutes per
 * unit, revenue is units paid × the price on the job's order line (0 when the job or line is gone).
 * The incremental update and the rebuild both go through here, so they cannot disagree.
 */
export function payoutContribution({
  payment,
  job,
  unitPriceCents,
}: {
  payment: PaidPayment;
  job: PaidJob | undefined;
  unitPriceCents: number;
}): PayoutContribution {
  const { year, month, day } = nairobiCalendarDay(payment.paidAt);
  const dayStart = nairobiDate({ year, month, day });
  return {
    key: {
      artisan: payment.payee.kind === 'artisan' ? (payment.payee.artisan ?? null) : null,
      workshop: payment.payee.workshop,
      day: dayStart,
    },
    month: nairobiDateString(dayStart).slice(0, 7),
    paidCents: payment.amountCents,
    labourMinutes: payment.quantity * (job?.labourMinutesPerUnit ?? 0),
    revenueCents: payment.quantity * unitPriceCents,
    week: payment.week,
    daysToMoney: job?.passedAt ? (payment.paidAt.getTime() - job.passedAt.getTime()) / DAY_MS : undefined,
  };
}

export const paidDayKeyString = (key: PaidDayKey) =>
  `${String(key.workshop)}|${key.artisan ? String(key.artisan) : ''}|${key.day.getTime()}`;
