import { type NairobiArea } from '../domain/nairobi-areas';
import { type WeekLabel } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { monthGrain } from './month-grain';
import { PayeeIndex, paidColumnsOf, type PaidColumns, type PaidWindow } from './paid-days/paid-columns';
import { paidRowsInMemory } from './paid-days/paid-rows-in-memory';
import { ensureImpactPaidDaysCurrent } from './paid-days/rebuild-paid-days';
import { type AggregateInMemory } from './rows-in-memory';

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

/** The column chunks of one revision's rows, made the first time a report reads them. */
const columnsKept = new WeakMap<
  AggregateInMemory<PaidDay>,
  { index: PayeeIndex; byRows: WeakMap<readonly PaidDay[], PaidColumns> }
>();

function columnsOf(memory: AggregateInMemory<PaidDay>, month: string, rows: readonly PaidDay[]): PaidColumns {
  let kept = columnsKept.get(memory);
  if (!kept) columnsKept.set(memory, (kept = { index: new PayeeIndex(), byRows: new WeakMap() }));
  let columns = kept.byRows.get(rows);
  if (!columns) kept.byRows.set(rows, (columns = paidColumnsOf(month, rows, kept.index)));
  return columns;
}

/**
 * Paid rows in [from, to), from the pre-aggregates (rebuilt first if payments moved around them)
 * as this process keeps them (paid-rows-in-memory.ts), as columns (paid-columns.ts): one row per
 * payee and month for the months no boundary cuts (see month-grain.ts), one per payee and day for
 * the others. `boundaries` are the instants the caller tests rows against. With them, the
 * revision of the aggregate they come from. The columns are shared: callers must not change them.
 */
export async function readPaidDays({
  from,
  to,
  boundaries,
}: {
  from: Date;
  to: Date;
  boundaries: readonly Date[];
}): Promise<{ window: PaidWindow; revision: string | null }> {
  await ensureImpactPaidDaysCurrent();
  const memory = await paidRowsInMemory();
  const { wholeMonths, dayMonths } = monthGrain({ from, to, boundaries });
  const dayLists = await Promise.all(dayMonths.map((month) => memory.dayRows(month)));
  const chunks: PaidWindow['chunks'] = dayMonths.map((month, at) => ({
    columns: columnsOf(memory, month, dayLists[at]),
    byDay: true,
  }));
  for (const { month } of wholeMonths) {
    const rows = memory.monthRows.get(month);
    if (rows) chunks.push({ columns: columnsOf(memory, month, rows), byDay: false });
  }
  const index = columnsKept.get(memory)?.index ?? new PayeeIndex();
  return { window: { index, chunks, from: from.getTime(), to: to.getTime() }, revision: memory.revision };
}
