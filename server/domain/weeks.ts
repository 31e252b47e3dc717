import { tz } from '@date-fns/tz';
import { addDays, addWeeks, getISOWeek, getISOWeeksInYear, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns';

/**
 * Weeks are ISO weeks (Monday to Sunday) as lived in Nairobi: an order placed at 01:00 on a
 * Monday in Nairobi (22:00 UTC on Sunday) belongs to the new week. Every week bucket in Kiwanda
 * goes through this module. A week is named by its label, "2026-W48", which sorts as text.
 */
export const NAIROBI_TIME_ZONE = 'Africa/Nairobi';
/** date-fns context: pass as `{ in: inNairobi }` so calendar arithmetic happens on Nairobi days. */
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
 * Calendar arithmetic in a time zone is slow (each step asks Intl for the zone's offset), and
 * pages ask for the same few weeks thousands of times (every job carries its week's start). So
 * the answers for instants and labels already seen are kept; forgetting all of them at a bound
 * keeps the memory small whatever instants come in.
 */
const REMEMBERED_MAX = 20_000;

function remembered<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const answers = new Map<Key, Value>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= REMEMBERED_MAX) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}

const weekStartMsOfInstant = remembered((ms: number) => startOfISOWeek(ms, { in: inNairobi }).getTime());

/** Monday 00:00 Nairobi time of the week holding `date`, as a plain instant. */
export function nairobiWeekStart(date: Date | number): Date {
  return new Date(weekStartMsOfInstant(+date));
}

const labelOfWeekStartMs = remembered((ms: number): WeekLabel => {
  const year = getISOWeekYear(ms, { in: inNairobi });
  const week = getISOWeek(ms, { in: inNairobi });
  return `${year}-W${String(week).padStart(2, '0')}`;
});

/** "2026-W48": ISO week-numbering year and week of `date` in Nairobi. */
export function isoWeekLabel(date: Date | number): WeekLabel {
  return labelOfWeekStartMs(weekStartMsOfInstant(+date));
}

export function isWeekLabel(value: unknown): value is WeekLabel {
  if (typeof value !== 'string') return false;
  const match = WEEK_LABEL_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  // 4 January is always in week 1 of its ISO year, so it tells how many weeks the year has.
  return week >= 1 && week <= getISOWeeksInYear(nairobiDate({ year: Number(match[1]), month: 1, day: 4 }));
}

const weekStartMsOfLabel = remembered((label: string): number => {
  if (!isWeekLabel(label)) throw new RangeError(`not an ISO week label like 2026-W48: ${JSON.stringify(label)}`);
  const [year, week] = label.split('-W').map(Number);
  const inWeek = setISOWeek(nairobiDate({ year, month: 1, day: 4 }), week, { in: inNairobi });
  return weekStartMsOfInstant(inWeek.getTime());
});

/** Monday 00:00 Nairobi of the week named by `label`; throws a RangeError for a malformed label. */
export function weekStartOfLabel(label: string): Date {
  return new Date(weekStartMsOfLabel(label));
}

/** Midnight at the start of a calendar day in Nairobi (month is 1–12). */
export function nairobiDate({ year, month, day }: { year: number; month: number; day: number }): Date {
  // Nairobi has kept UTC+3 without daylight saving since 1960, but the zone database says so, not us.
  return new Date(inNairobi(Date.UTC(year, month - 1, day)).setHours(0, 0, 0, 0));
}

/** "YYYY-MM-DD" of the Nairobi calendar day holding an instant. */
export function nairobiDateString(date: Date | number): string {
  const { year, month, day } = nairobiCalendarDay(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Calendar date (year, month 1–12, day, ISO weekday 1 = Monday) of an instant in Nairobi. */
export function nairobiCalendarDay(date: Date | number): { year: number; month: number; day: number; weekday: number } {
  const local = inNairobi(date);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    weekday: ((local.getDay() + 6) % 7) + 1,
  };
}

/** `weeks` consecutive weeks starting with the one holding `start`. */
export function weekRange(start: Date | number | WeekLabel, weeks: number): Week[] {
  if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`weeks must be a whole number ≥ 0, got ${weeks}`);
  const first = typeof start === 'string' ? weekStartOfLabel(start) : nairobiWeekStart(start);
  return Array.from({ length: weeks }, (_, index) => {
    const weekStart = nairobiWeekStart(addWeeks(first, index, { in: inNairobi }));
    return {
      label: isoWeekLabel(weekStart),
      start: weekStart,
      end: nairobiWeekStart(addDays(weekStart, 7, { in: inNairobi })),
    };
  });
}

/** The label `offset` weeks after (or before, when negative) `label`. */
export function shiftWeekLabel(label: WeekLabel, offset: number): WeekLabel {
  return isoWeekLabel(addWeeks(weekStartOfLabel(label), offset, { in: inNairobi }));
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
  const calendar =
    weeks !== 0 || days !== 0 ? addDays(from, weeks * 7 + days, { in: inNairobi }).getTime() : new Date(from).getTime();
  return new Date(calendar + (hours * 60 + minutes) * 60_000);
}
