import { addDays } from 'date-fns';

import { kenyanPublicHolidays, type Holiday } from './holidays';
import { inNairobi, nairobiDateString, weekStartOfLabel, type WeekLabel } from './weeks';

/**
 * Artisans declare weekly hours; Kiwanda spreads them evenly over the working days Monday to
 * Friday. A public holiday on one of those days removes that day's share of the week.
 */
export const WORKING_DAYS_PER_WEEK = 5;

/** The working days (Monday–Friday, Nairobi calendar) of a week that are public holidays. */
export function holidaysInWeek({ week, extra = [] }: { week: WeekLabel; extra?: readonly Holiday[] }): Holiday[] {
  const monday = weekStartOfLabel(week);
  const days = Array.from({ length: WORKING_DAYS_PER_WEEK }, (_, offset) =>
    nairobiDateString(addDays(monday, offset, { in: inNairobi })),
  );
  const years = new Set(days.map((day) => Number(day.slice(0, 4))));
  const byDate = new Map<string, Holiday>();
  for (const year of years) for (const holiday of kenyanPublicHolidays(year)) byDate.set(holiday.date, holiday);
  for (const holiday of extra) byDate.set(holiday.date, holiday);
  return days.flatMap((day) => {
    const holiday = byDate.get(day);
    return holiday ? [holiday] : [];
  });
}

/** Share of a normal week that can be worked: 1, or 0.8 for a week with one holiday, … */
export function workingShareOfWeek({ week, extra }: { week: WeekLabel; extra?: readonly Holiday[] }): number {
  return (WORKING_DAYS_PER_WEEK - holidaysInWeek({ week, extra }).length) / WORKING_DAYS_PER_WEEK;
}

/** Whole minutes an artisan declaring `weeklyHours` can give in a week worked at `share`. */
export function availableMinutes({ weeklyHours, share }: { weeklyHours: number; share: number }): number {
  return Math.round(weeklyHours * 60 * share);
}
