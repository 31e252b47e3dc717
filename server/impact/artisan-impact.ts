import { isoWeekLabel, shiftWeekLabel, weekRange, weekStartOfLabel } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { monthsOf, twelveMonthsEnding, type ImpactRange } from './impact-period';
import { forEachPaidRow, type PaidWindow } from './paid-days/paid-columns';
import { type ArtisanFacts } from './read-paid-days';
import { coefficientOfVariation } from './statistics';

/** One artisan's figures for a period: the rows of the drill-down and what group figures are made of. */
export interface ArtisanImpact {
  artisanId: string;
  name: string;
  gender: Gender;
  workshopId: string;
  paidCents: number;
  labourMinutes: number;
  revenueCents: number;
  /** Pay in the period ÷ the calendar months it touches. */
  monthlyCents: number;
  /** Pay ÷ labour hours of the units paid; null when the units carry no labour minutes. */
  hourlyCents: number | null;
  weeksOfWork13: number;
  weeksOfWork52: number;
  /** CV of pay over the 12 months ending with the period. */
  volatility: number | null;
  /** Pay in each of the 12 months ending with the period, oldest first (empty for the period before). */
  history: { month: string; paidCents: number }[];
}

const WEEK_MS = 7 * 86_400_000;
const weekNumbers = new Map<string, number>();

/**
 * A planned week as a number, consecutive weeks differing by one, so a report tests "within the
 * last 52 weeks" by subtraction. Labels are few (one per week of history): each is converted once.
 */
export function weekNumberOf(label: string): number {
  let number = weekNumbers.get(label);
  if (number === undefined) weekNumbers.set(label, (number = Math.round(weekStartOfLabel(label).getTime() / WEEK_MS)));
  return number;
}

/** The weeks of the last `count` ending with the week holding the range's last instant. */
export function trailingWeeks(range: { to: Date }, count: number): Set<string> {
  const last = isoWeekLabel(new Date(range.to.getTime() - 1));
  return new Set(weekRange(shiftWeekLabel(last, -(count - 1)), count).map((week) => week.label));
}

/**
 * Every artisan paid in `range`, from the paid rows of a window that also holds the 52 weeks and
 * 12 months before the range's end (it may hold more; each figure takes what it needs), in one
 * pass over the window's columns summing into typed arrays by artisan. `artisanOrder` is the
 * order artisans are first met in the window (paid-columns.ts artisansInOrder): equal pay and
 * equal names keep it. Without `withHistory` the month-by-month history is left empty (the
 * period before the report's only feeds group figures).
 */
export function artisanImpacts({
  range,
  window,
  artisanOrder,
  artisans,
  withHistory = true,
}: {
  range: ImpactRange;
  window: PaidWindow;
  artisanOrder: readonly number[];
  artisans: ReadonlyMap<string, ArtisanFacts>;
  withHistory?: boolean;
}): ArtisanImpact[] {
  const months = monthsOf(range).length;
  const year = twelveMonthsEnding(range);
  const monthCount = year.months.length;
  // Weeks back from the one holding the range's last instant: 0–12 are the trailing 13, 0–51 the 52.
  const lastWeek = weekNumberOf(isoWeekLabel(new Date(range.to.getTime() - 1)));
  const from = range.from.getTime();
  const to = range.to.getTime();
  const yearFrom = year.from.getTime();
  const yearTo = year.to.getTime();
  const monthIndex = new Map(year.months.map((month, index) => [month, index]));

  const count = window.index.artisanIds.length;
  const paidInRange = new Int32Array(count);
  const paidCents = new Float64Array(count);
  const labourMinutes = new Float64Array(count);
  const revenueCents = new Float64Array(count);
  const byMonth = new Float64Array(count * monthCount);
  const weeksWorked = new Uint8Array(count * 52);
  const { artisanOfPayee } = window.index;
  forEachPaidRow(window, (columns, row) => {
    const artisan = artisanOfPayee[columns.payee[row]];
    if (artisan < 0) return;
    const day = columns.day[row];
    if (day >= from && day < to) {
      paidInRange[artisan] += 1;
      paidCents[artisan] += columns.amountCents[row];
      labourMinutes[artisan] += columns.labourMinutes[row];
      revenueCents[artisan] += columns.revenueCents[row];
    }
    if (day >= yearFrom && day < yearTo) {
      const index = monthIndex.get(columns.month);
      if (index !== undefined) byMonth[artisan * monthCount + index] += columns.amountCents[row];
    }
    if (day < to) {
      for (let week = columns.weekStart[row]; week < columns.weekStart[row + 1]; week++) {
        const back = lastWeek - columns.weekNumbers[week];
        if (back >= 0 && back < 52) weeksWorked[artisan * 52 + back] = 1;
      }
    }
  });

  const impacts: ArtisanImpact[] = [];
  for (const artisan of artisanOrder) {
    const facts = artisans.get(window.index.artisanIds[artisan]);
    if (!facts || paidInRange[artisan] === 0) continue;
    let worked13 = 0;
    let worked52 = 0;
    for (let back = 0; back < 52; back++) {
      if (!weeksWorked[artisan * 52 + back]) continue;
      worked52 += 1;
      if (back < 13) worked13 += 1;
    }
    const monthly = Array.from(byMonth.subarray(artisan * monthCount, (artisan + 1) * monthCount));
    const paid = paidCents[artisan];
    const labour = labourMinutes[artisan];
    // NOTE: named field by field: spreading `facts` into an object with ten more fields made
    // objects that cost several kilobytes each to build, for every artisan of every period.
    impacts.push({
      artisanId: facts.artisanId,
      name: facts.name,
      gender: facts.gender,
      workshopId: facts.workshopId,
      paidCents: paid,
      labourMinutes: labour,
      revenueCents: revenueCents[artisan],
      monthlyCents: Math.round(paid / months),
      hourlyCents: labour > 0 ? Math.round((paid * 60) / labour) : null,
      weeksOfWork13: worked13,
      weeksOfWork52: worked52,
      volatility: coefficientOfVariation(monthly),
      history: withHistory ? year.months.map((month, index) => ({ month, paidCents: monthly[index] })) : [],
    });
  }
  return impacts.sort((left, right) => right.paidCents - left.paidCents || left.name.localeCompare(right.name));
}
