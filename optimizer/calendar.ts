import { getISOWeek, getISOWeekYear } from 'date-fns';

// Horizon dates are plain calendar dates. They are handled as whole day numbers (days since
// 1970-01-01) so that no time zone or daylight-saving shift can move a deadline by a day.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days already parsed: a problem repeats a handful of dates over thousands of jobs, each read
 * when validating and again when describing the job. Emptied when it grows, so it stays small.
 */
const parsedDays = new Map<string, number | null>();
const MAX_PARSED_DAYS = 4096;

/** Day number of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function parseDay(text: string): number | null {
  const known = parsedDays.get(text);
  if (known !== undefined) return known;
  if (parsedDays.size >= MAX_PARSED_DAYS) parsedDays.clear();
  const day = readDay(text);
  parsedDays.set(text, day);
  return day;
}

function readDay(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Last day (day number) of horizon week `week`. */
export function weekEndDay({ startDay, week }: { startDay: number; week: number }): number {
  return startDay + 7 * week + 6;
}

/** ISO week label (e.g. 2026-W48) of the week starting on `startDay + 7 * week`. */
export function weekLabel({ startDay, week }: { startDay: number; week: number }): string {
  const utc = new Date((startDay + 7 * week) * MS_PER_DAY);
  // date-fns reads local calendar fields, so build the same calendar day at local midnight.
  const local = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

/** "2026-W48" for one week, "2026-W48 to 2026-W50" for a range. */
export function weekRangeLabel({ startDay, first, last }: { startDay: number; first: number; last: number }): string {
  const from = weekLabel({ startDay, week: first });
  return first === last ? from : `${from} to ${weekLabel({ startDay, week: last })}`;
}

export interface AllowedWeeks {
  first: number;
  last: number;
}

/**
 * The contiguous weeks a job may use: week k is allowed when its last day is on or after the
 * release day and on or before the due day. Null when no horizon week qualifies.
 */
export function allowedWeeks({
  startDay,
  weeks,
  releaseDay,
  dueDay,
}: {
  startDay: number;
  weeks: number;
  releaseDay: number;
  dueDay: number;
}): AllowedWeeks | null {
  const first = Math.max(0, Math.ceil((releaseDay - startDay - 6) / 7));
  const last = Math.min(weeks - 1, Math.floor((dueDay - startDay - 6) / 7));
  return first <= last ? { first, last } : null;
}
