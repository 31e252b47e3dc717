import { format } from 'date-fns';

import { formatDay, parseDay, weekEndDay } from '../../optimizer/calendar';

// The check speaks the optimizer's calendar: plain dates as day numbers, horizon weeks Monday to
// Sunday, and a week usable for an order only when it ends on or before the order's date.

export { formatDay, parseDay };

/** The last day of horizon week `week` ("YYYY-MM-DD"): the first date by which that week counts. */
export function weekEndDate({ startDay, week }: { startDay: number; week: number }): string {
  return formatDay(weekEndDay({ startDay, week }));
}

/** The last horizon week usable by a date, or -1 when none is. */
export function lastWeekBy({ startDay, weeks, date }: { startDay: number; weeks: number; date: string }): number {
  const day = parseDay(date) as number;
  return Math.min(weeks - 1, Math.floor((day - startDay - 6) / 7));
}

/** "3–14 Aug" or "28 Jul – 8 Aug": Monday of `first` to Friday of `last`, as working weeks read. */
export function workingDaysLabel({ startDay, first, last }: { startDay: number; first: number; last: number }): string {
  const from = dayDate(startDay + 7 * first);
  const to = dayDate(startDay + 7 * last + 4);
  return from.getUTCMonth() === to.getUTCMonth()
    ? `${from.getUTCDate()}–${format(utcAsLocal(to), 'd MMM')}`
    : `${format(utcAsLocal(from), 'd MMM')} – ${format(utcAsLocal(to), 'd MMM')}`;
}

const dayDate = (day: number) => new Date(day * 86_400_000);
/** date-fns formats local calendar fields: the same calendar day at local midnight. */
const utcAsLocal = (date: Date) => new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
