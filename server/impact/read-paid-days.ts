import { type NairobiArea } from '../domain/nairobi-areas';
import { type WeekLabel } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { monthGrain } from './month-grain';
import { paidRowsInMemory } from './paid-days/paid-rows-in-memory';
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
  /** The same weeks as numbers (artisan-impact.ts weekNumberOf), for counting weeks worked. */
  weekNumbers: number[];
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

/**
 * Paid rows in [from, to), from the pre-aggregates (rebuilt first if payments moved around them)
 * as this process keeps them (paid-rows-in-memory.ts): one row per payee and month for the months
 * no boundary cuts (see month-grain.ts), one per payee and day for the others. `boundaries` are
 * the instants the caller tests rows against. The rows are shared: callers must not change them.
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
  const memory = await paidRowsInMemory();
  const { wholeMonths, dayMonths } = monthGrain({ from, to, boundaries });
  const dayLists = await Promise.all(dayMonths.map((month) => memory.dayRows(month)));
  const rows: PaidDay[] = [];
  const [start, end] = [from.getTime(), to.getTime()];
  for (const list of dayLists) {
    for (const row of list) {
      const day = row.day.getTime();
      if (day >= start && day < end) rows.push(row);
    }
  }
  for (const { month } of wholeMonths) for (const row of memory.monthRows.get(month) ?? []) rows.push(row);
  return rows;
}
