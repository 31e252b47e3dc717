import { kenyanPublicHolidays, type Holiday } from './holidays';
import { nairobiDateString, shiftInNairobi, weekStartOfLabel, type WeekLabel } from './weeks';

/**
 * Working time: artisans work Monday to Friday, 08:00–17:00 Nairobi time. They declare weekly
 * hours and Kiwanda spreads those hours evenly over the week's working time, so what a week still
 * offers is its declared hours times the share of its working time still ahead: a public holiday
 * (or a day away) removes that day, and time already past is gone.
 */
export const WORKING_DAYS_PER_WEEK = 5;
/** The working day, in whole hours of the Nairobi clock. */
export const WORKING_HOURS = { start: 8, end: 17 } as const;
export const WORKING_MINUTES_PER_DAY = (WORKING_HOURS.end - WORKING_HOURS.start) * 60;
export const WORKING_MINUTES_PER_WEEK = WORKING_DAYS_PER_WEEK * WORKING_MINUTES_PER_DAY;

export interface WorkingDay {
  /** Nairobi calendar day, "YYYY-MM-DD". */
  date: string;
  /** 08:00 that day in Nairobi. */
  start: Date;
  /** 17:00 that day in Nairobi. */
  end: Date;
}

// Time-zone arithmetic is slow and a week's days never change, so each week is worked out once.
const workingDaysByWeek = new Map<WeekLabel, readonly WorkingDay[]>();

/** Monday to Friday of `week`, each with its working hours as instants. */
export function workingDaysOfWeek(week: WeekLabel): readonly WorkingDay[] {
  let days = workingDaysByWeek.get(week);
  if (!days) {
    const monday = weekStartOfLabel(week);
    days = Array.from({ length: WORKING_DAYS_PER_WEEK }, (_, offset) => {
      const midnight = shiftInNairobi({ from: monday, days: offset });
      return {
        date: nairobiDateString(midnight),
        start: shiftInNairobi({ from: midnight, hours: WORKING_HOURS.start }),
        end: shiftInNairobi({ from: midnight, hours: WORKING_HOURS.end }),
      };
    });
    workingDaysByWeek.set(week, days);
  }
  return days;
}

/** The working days (Monday–Friday, Nairobi calendar) of a week that are public holidays. */
export function holidaysInWeek({ week, extra = [] }: { week: WeekLabel; extra?: readonly Holiday[] }): Holiday[] {
  const days = workingDaysOfWeek(week).map((day) => day.date);
  const years = new Set(days.map((day) => Number(day.slice(0, 4))));
  const byDate = new Map<string, Holiday>();
  for (const year of years) for (const holiday of kenyanPublicHolidays(year)) byDate.set(holiday.date, holiday);
  for (const holiday of extra) byDate.set(holiday.date, holiday);
  return days.flatMap((day) => {
    const holiday = byDate.get(day);
    return holiday ? [holiday] : [];
  });
}

/**
 * Working minutes of `week` still ahead of `now` (all of them when `now` is left out or before the
 * week), on the days not in `closedDays` (holidays, days away). Past days give nothing; the day
 * under way gives what is left of its working hours.
 */
export function workingMinutesLeft({
  week,
  now,
  closedDays,
}: {
  week: WeekLabel;
  now?: Date;
  closedDays?: ReadonlySet<string>;
}): number {
  const from = now?.getTime() ?? -Infinity;
  let minutes = 0;
  for (const day of workingDaysOfWeek(week)) {
    if (closedDays?.has(day.date)) continue;
    const start = Math.max(day.start.getTime(), from);
    if (start < day.end.getTime()) minutes += (day.end.getTime() - start) / 60_000;
  }
  return minutes;
}

/**
 * Share of a normal week's working time that can still be worked: 1 for a whole week, 0.8 for a
 * week with one holiday, 0.5 at Wednesday 12:30 of a plain week, 0 once its Friday 17:00 has
 * passed. Without `now`, the whole week's share (for history).
 */
export function workingShareOfWeek({
  week,
  extra,
  now,
  absentDays,
}: {
  week: WeekLabel;
  extra?: readonly Holiday[];
  now?: Date;
  /** Days the artisan is away ("YYYY-MM-DD"); only working days among them matter. */
  absentDays?: Iterable<string>;
}): number {
  const closedDays = new Set([
    ...holidaysInWeek({ week, extra }).map((holiday) => holiday.date),
    ...(absentDays ?? []),
  ]);
  return workingMinutesLeft({ week, now, closedDays }) / WORKING_MINUTES_PER_WEEK;
}

/**
 * When the working time of `week` ends: 17:00 on its last working day that is not closed, or
 * null when every working day is closed.
 */
export function workingTimeEnd({
  week,
  closedDays,
}: {
  week: WeekLabel;
  closedDays?: ReadonlySet<string>;
}): Date | null {
  const open = workingDaysOfWeek(week).filter((day) => !closedDays?.has(day.date));
  return open.length > 0 ? open[open.length - 1].end : null;
}

/** Whole minutes an artisan declaring `weeklyHours` can give in a week worked at `share`. */
export function availableMinutes({ weeklyHours, share }: { weeklyHours: number; share: number }): number {
  return Math.round(weeklyHours * 60 * share);
}
