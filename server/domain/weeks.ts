import { tz } from '@date-fns/tz';
import { utc } from '@date-fns/utc';
import { getISOWeek, getISOWeeksInYear, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns';

/**
 * Weeks are ISO weeks (Monday to Sunday) as lived in Nairobi: an order placed at 01:00 on a
 * Monday in Nairobi (22:00 UTC on Sunday) belongs to the new week. Every week bucket in Kiwanda
 * goes through this module. A week is named by its label, "2026-W48", which sorts as text.
 */
export const NAIROBI_TIME_ZONE = 'Africa/Nairobi';
/** date-fns context for formatting in Nairobi time (`{ in: inNairobi }`); the week arithmetic below needs none. */
export const inNairobi = tz(NAIROBI_TIME_ZONE);

export type WeekLabel = `${number}-W${string}`;

const WEEK_LABEL_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface Week {
  label: WeekLabel;
  /** Monday 00:00 in Nairobi. */
  start: Date;
  /** The next Monday 00:00 in Nairobi (exclusive). */
  end: Date;
}

/**
 * Nairobi's offset from UTC: three hours, all year. Africa/Nairobi has kept UTC+3 without daylight
 * saving since 1960 (weeks.test.ts checks the zone database agrees for every month of 1970–2100),
 * so a Nairobi calendar day is a UTC calendar day shifted by the offset: the week arithmetic below
 * is date-fns's, on the Nairobi wall clock read as UTC (`{ in: utc }`).
 *
 * NOTE: not `{ in: inNairobi }` here: with it each step asks Intl for the zone's offset, and pages
 * ask for weeks and days thousands of times a second (every job carries its week and due day).
 */
export const NAIROBI_UTC_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The Nairobi wall clock of an instant, as a time whose UTC fields read it. */
function nairobiWallClock(ms: number): number {
  return ms + NAIROBI_UTC_OFFSET_MS;
}

/** The instant at which Nairobi's wall clock reads `wallClock` (read as UTC). */
function instantOfWallClock(wallClock: Date | number): number {
  return +wallClock - NAIROBI_UTC_OFFSET_MS;
}

/** Monday 00:00 Nairobi of the week holding the instant `ms`. */
function weekStartMsOfInstant(ms: number): number {
  return instantOfWallClock(startOfISOWeek(nairobiWallClock(ms), { in: utc }));
}

/** 4 January of a year on the wall clock: always in week 1 of its ISO week-numbering year. */
const fourthOfJanuary = (year: number) => Date.UTC(year, 0, 4);

/** Monday 00:00 Nairobi time of the week holding `date`, as a plain instant. */
export function nairobiWeekStart(date: Date | number): Date {
  return new Date(weekStartMsOfInstant(+date));
}

/** "2026-W48": ISO week-numbering year and week of `date` in Nairobi. */
export function isoWeekLabel(date: Date | number): WeekLabel {
  const wallClock = nairobiWallClock(+date);
  const year = getISOWeekYear(wallClock, { in: utc });
  const week = getISOWeek(wallClock, { in: utc });
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Year and week of a well-formed label, or null. */
function parseWeekLabel(value: unknown): { year: number; week: number } | null {
  if (typeof value !== 'string') return null;
  const match = WEEK_LABEL_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return week >= 1 && week <= getISOWeeksInYear(fourthOfJanuary(year), { in: utc }) ? { year, week } : null;
}

export function isWeekLabel(value: unknown): value is WeekLabel {
  return parseWeekLabel(value) !== null;
}

function weekStartMsOfLabel(label: string): number {
  const parsed = parseWeekLabel(label);
  if (!parsed) throw new RangeError(`not an ISO week label like 2026-W48: ${JSON.stringify(label)}`);
  return instantOfWallClock(
    startOfISOWeek(setISOWeek(fourthOfJanuary(parsed.year), parsed.week, { in: utc }), { in: utc }),
  );
}

/** Monday 00:00 Nairobi of the week named by `label`; throws a RangeError for a malformed label. */
export function weekStartOfLabel(label: string): Date {
  return new Date(weekStartMsOfLabel(label));
}

/** Midnight at the start of a calendar day in Nairobi (month is 1–12). */
export function nairobiDate({ year, month, day }: { year: number; month: number; day: number }): Date {
  return new Date(instantOfWallClock(Date.UTC(year, month - 1, day)));
}

/** "YYYY-MM-DD" of the Nairobi calendar day holding an instant. */
export function nairobiDateString(date: Date | number): string {
  const { year, month, day } = nairobiCalendarDay(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Calendar date (year, month 1–12, day, ISO weekday 1 = Monday) of an instant in Nairobi. */
export function nairobiCalendarDay(date: Date | number): { year: number; month: number; day: number; weekday: number } {
  const local = new Date(nairobiWallClock(+date));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** `weeks` consecutive weeks starting with the one holding `start`. */
export function weekRange(start: Date | number | WeekLabel, weeks: number): Week[] {
  if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`weeks must be a whole number ≥ 0, got ${weeks}`);
  const first = typeof start === 'string' ? weekStartMsOfLabel(start) : weekStartMsOfInstant(+start);
  return Array.from({ length: weeks }, (_, index) => {
    const weekStart = first + index * WEEK_MS;
    return { label: isoWeekLabel(weekStart), start: new Date(weekStart), end: new Date(weekStart + WEEK_MS) };
  });
}

/** The label `offset` weeks after (or before, when negative) `label`. */
export function shiftWeekLabel(label: WeekLabel, offset: number): WeekLabel {
  return isoWeekLabel(weekStartMsOfLabel(label) + offset * WEEK_MS);
}

/**
 * `from` moved by whole weeks and days on Nairobi's calendar, then by hours and minutes of
 * elapsed time; a plain Date (date-fns with `in` hands back zoned dates, slow to compute with).
 */
export function shiftInNairobi({
  from,
  weeks = 0,
  days = 0,
  hours = 0,
  minutes = 0,
}: {
  from: Date | number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
}): Date {
  // Nairobi's days are all 24 hours long (no daylight saving), so calendar days are plain days.
  return new Date(new Date(from).getTime() + (weeks * 7 + days) * DAY_MS + (hours * 60 + minutes) * 60_000);
}
