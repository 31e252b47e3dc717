import { z } from 'zod';

import { normaliseTypedDay, TYPED_DAY_SAMPLE } from '../domain/typed-day';
import { isoWeekLabel, nairobiDate, nairobiDateString, shiftWeekLabel, type WeekLabel } from '../domain/weeks';

const CALENDAR_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is "YYYY-MM-DD" naming a day that exists (no 30 February). */
export function isCalendarDay(text: string): boolean {
  const match = CALENDAR_DAY_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A Nairobi calendar day in service input, always "2026-03-04" once read. A person's form may
 * type it as the pages write it ("4 Mar 2026", or 4/3/2026): read here, so every form takes the
 * same ways of writing a day.
 */
export const calendarDayString = z.preprocess(
  normaliseTypedDay,
  z
    .string()
    .regex(CALENDAR_DAY_PATTERN, `must be a day like ${TYPED_DAY_SAMPLE} (or 2026-11-07)`)
    .refine(isCalendarDay, 'is not a day of the calendar'),
);

/** Midnight in Nairobi at the start of a "YYYY-MM-DD" day. */
export function startOfCalendarDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return nairobiDate({ year, month, day: date });
}

/** Whole days from `from` to `to`, counting both ("2026-03-02" to "2026-03-04" is 3). */
export function daysSpanned({ from, to }: { from: string; to: string }): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The day before `day`, "YYYY-MM-DD". */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The Nairobi weeks holding any day from `from` to `to` (inclusive), in order. */
export function weeksOfDays({ from, to }: { from: string; to: string }): WeekLabel[] {
  const last = isoWeekLabel(startOfCalendarDay(to));
  const weeks: WeekLabel[] = [];
  for (let week = isoWeekLabel(startOfCalendarDay(from)); week <= last; week = shiftWeekLabel(week, 1))
    weeks.push(week);
  return weeks;
}

/** Today's Nairobi calendar day as of `now`. */
export function nairobiToday(now: Date): string {
  return nairobiDateString(now);
}
