import { type Types } from 'mongoose';

import { type NairobiArea } from '../domain/nairobi-areas';
import { type WeekLabel } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { ImpactPaidDay } from '../models/impact-paid-day';
import { ImpactPaidMonth, type PaidMonthFigures } from '../models/impact-paid-month';
import { monthGrain } from './month-grain';
import { ensureImpactPaidDaysCurrent } from './paid-days/rebuild-paid-days';

/**
 * What one payee was paid on one Nairobi day (or month, see readPaidDays), with what it paid for: the facts every money figure
 * of the report is computed from (a row of impact_paid_days).
 */
export interface PaidDay {
  /** Absent for payouts to a workshop as a whole. */
  artisanId?: string;
  workshopId: string;
  amountCents: number;
  /** Units paid × the job's labour minutes per unit. */
  labourMinutes: number;
  /** Units paid × the price agreed on their order line. */
  revenueCents: number;
  /**
   * Nairobi midnight starting the day paid, or the month for a month row: a period holds the
   * payouts whose day it holds (month rows are only read where a period holds all or none of them).
   */
  day: Date;
  /** Nairobi calendar month of the day, "YYYY-MM". */
  month: string;
  /** The planned weeks of the work paid for. */
  weeks: WeekLabel[];
  /** Per payout whose job passed inspection on record: days from the pass to the money. */
  daysToMoney: number[];
}

export interface ArtisanFacts {
  artisanId: string;
  name: string;
  gender: Gender;
  workshopId: string;
}

export interface WorkshopFacts {
  workshopId: string;
  code: string;
  name: string;
  area: NairobiArea;
}

const idsOf = (payee: { artisan?: Types.ObjectId | null; workshop: Types.ObjectId }) => ({
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
  daysToMoney: figures.daysToMoney,
});

/**
 * Paid rows in [from, to), from the pre-aggregates (rebuilt first if payments moved around them):
 * one row per payee and month for the months no boundary cuts (see month-grain.ts), one per payee
 * and day for the others. `boundaries` are the instants the caller tests rows against.
 */
export async function readPaidDays({
  from,
  to,
  boundaries,
}: {
  from: Date;
  to: Date;
  boundaries: readonly Date[];
}): Promise<PaidDay[]> {
  await ensureImpactPaidDaysCurrent();
  const { wholeMonths, dayMonths } = monthGrain({ from, to, boundaries });
  const [payees, days] = await Promise.all([
    wholeMonths.length === 0
      ? []
      : ImpactPaidMonth.find(
          {},
          {
            _id: 0,
            artisan: 1,
            workshop: 1,
            ...Object.fromEntries(wholeMonths.map(({ month }) => [`months.${month}`, 1])),
          },
        ).lean<
          { artisan?: Types.ObjectId | null; workshop: Types.ObjectId; months?: Record<string, PaidMonthFigures> }[]
        >(),
    dayMonths.length === 0
      ? []
      : ImpactPaidDay.find(
          { day: { $gte: from, $lt: to }, month: { $in: dayMonths } },
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
        ).lean(),
  ]);
  const rows = days.map((row) => toPaidDay(idsOf(row), row, row.day, row.month));
  for (const payee of payees) {
    // Ids become strings once per payee, not once per month.
    const ids = idsOf(payee);
    for (const { month, start } of wholeMonths) {
      const figures = payee.months?.[month];
      if (figures) rows.push(toPaidDay(ids, figures, start, month));
    }
  }
  return rows;
}
