import { nairobiCalendarDay } from '../domain/weeks';
import { monthsOf, monthStart } from './impact-period';

export interface MonthGrain {
  /** Months read from the month-grain aggregates, with the instant each starts. */
  wholeMonths: { month: string; start: Date }[];
  /** Months read day by day: a boundary falls inside them, or the window cuts them. */
  dayMonths: string[];
}

/**
 * Which months of the window [from, to) may be read as one row per maker and month. A month row
 * stands in for its days only where every figure would take all of its days or none: the month
 * lies inside the window and no boundary (a period's start or end) falls strictly inside it. Every
 * other window the report uses (twelve months, trailing weeks by their labels) is whole months
 * already. With the row dated at its month's start, the report's "day in range" tests then give
 * exactly what the day rows would.
 */
export function monthGrain({
  from,
  to,
  boundaries,
}: {
  from: Date;
  to: Date;
  boundaries: readonly Date[];
}): MonthGrain {
  const cuts = [from, to, ...boundaries].map((instant) => instant.getTime());
  const grain: MonthGrain = { wholeMonths: [], dayMonths: [] };
  for (const month of monthsOf({ from, to })) {
    const [year, index] = month.split('-').map(Number);
    const start = monthStart(year, index);
    const end = monthStart(year, index + 1);
    const whole = start >= from && end <= to && !cuts.some((cut) => cut > start.getTime() && cut < end.getTime());
    if (whole) grain.wholeMonths.push({ month, start });
    else grain.dayMonths.push(month);
  }
  return grain;
}

/** The Nairobi calendar month ("YYYY-MM") of an instant. */
export function nairobiMonthOf(instant: Date): string {
  const { year, month } = nairobiCalendarDay(instant);
  return `${year}-${String(month).padStart(2, '0')}`;
}
