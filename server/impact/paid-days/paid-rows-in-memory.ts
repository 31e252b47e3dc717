import { type Types } from 'mongoose';

import { ImpactPaidDay } from '../../models/impact-paid-day';
import { ImpactPaidMonth, type PaidMonthFigures } from '../../models/impact-paid-month';
import { weekNumberOf } from '../artisan-impact';
import { type PaidDay } from '../read-paid-days';
import { daysOfMonth, keepAggregateInMemory, rowsByMonth } from '../rows-in-memory';
import { PAID_DAYS_STATE_ID } from './payments-fingerprint';

type PayeeKey = { artisan?: Types.ObjectId | null; workshop: Types.ObjectId };

const idsOf = (payee: PayeeKey) => ({
  artisanId: payee.artisan ? String(payee.artisan) : undefined,
  workshopId: String(payee.workshop),
});

const toPaidDay = (
  ids: { artisanId?: string; workshopId: string },
  figures: Omit<PaidMonthFigures, 'payouts'>,
  day: Date,
  month: string,
): PaidDay => ({
  ...ids,
  amountCents: figures.paidCents,
  labourMinutes: figures.labourMinutes,
  revenueCents: figures.revenueCents,
  day,
  month,
  weeks: figures.weeks,
  weekNumbers: figures.weeks.map(weekNumberOf),
  daysToMoney: figures.daysToMoney,
});

/** Every payee's months, as rows dated at their month's start, by month. */
async function loadPaidMonthRows(): Promise<Map<string, PaidDay[]>> {
  const payees = await ImpactPaidMonth.find({}, { _id: 0, artisan: 1, workshop: 1, months: 1 }).lean<
    (PayeeKey & { months?: Record<string, PaidMonthFigures> })[]
  >();
  return rowsByMonth(payees, idsOf, toPaidDay);
}

/** One month's rows of impact_paid_days. */
async function loadPaidDayRows(month: string): Promise<PaidDay[]> {
  const days = await ImpactPaidDay.find(
    { day: daysOfMonth(month) },
    {
      _id: 0,
      artisan: 1,
      workshop: 1,
      day: 1,
      month: 1,
      paidCents: 1,
      labourMinutes: 1,
      revenueCents: 1,
      weeks: 1,
      daysToMoney: 1,
    },
  ).lean();
  return days.map((row) => toPaidDay(idsOf(row), row, row.day, row.month));
}

/** The paid rows of impact_paid_days and impact_paid_months as they stand, kept between reports. */
export const paidRowsInMemory = keepAggregateInMemory<PaidDay>({
  stateId: PAID_DAYS_STATE_ID,
  loadMonthRows: loadPaidMonthRows,
  loadDayRows: loadPaidDayRows,
});
