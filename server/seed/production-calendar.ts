import { isoWeekLabel, nairobiCalendarDay, shiftInNairobi, type WeekLabel } from '../domain/weeks';
import { workingShareOfWeek } from '../domain/working-time';
import { DEMO_GAZETTED_HOLIDAYS } from './generate-calendar-records';
import { type Random } from './random';

/**
 * The demo network's weeks, counted from the reference week (index 0, the current one):
 * negative indexes are history. Each week's orders ship on the Friday of the week after, and its
 * jobs were offered when the plan was committed on the Friday afternoon before it.
 */
export interface ProductionWeek {
  index: number;
  label: WeekLabel;
  start: Date;
  /** Share of a normal week that can be worked (public holidays, gazetted ones too, removed). */
  share: number;
  /** Friday 17:00 of this week: when its jobs are due. */
  jobsDue: Date;
  /** Friday 17:00 of the next week: when its orders ship. */
  shipBy: Date;
  /** When the plan holding its jobs was committed. */
  committedAt: Date;
}

export function productionWeek({ referenceDate, index }: { referenceDate: Date; index: number }): ProductionWeek {
  const start = shiftInNairobi({ from: referenceDate, weeks: index });
  const label = isoWeekLabel(start);
  const lastFriday = shiftInNairobi({ from: referenceDate, weeks: -1, days: 4, hours: 14 });
  const fridayBefore = shiftInNairobi({ from: start, weeks: -1, days: 4, hours: 14 });
  return {
    index,
    label,
    start,
    share: workingShareOfWeek({ week: label, extra: DEMO_GAZETTED_HOLIDAYS }),
    jobsDue: shiftInNairobi({ from: start, days: 4, hours: 17 }),
    shipBy: shiftInNairobi({ from: start, weeks: 1, days: 4, hours: 17 }),
    // Weeks ahead were planned in last Friday's plan: nothing is committed in the future.
    committedAt: fridayBefore < lastFriday ? fridayBefore : lastFriday,
  };
}

/**
 * How busy the network was in a past week, as a share of its capacity: a steady base, a peak
 * for the northern holiday season (September to November) and a quiet January.
 */
export function historicalUtilisation({ random, week }: { random: Random; week: ProductionWeek }): number {
  const { month } = nairobiCalendarDay(week.start);
  const seasonal = month >= 9 && month <= 11 ? 0.1 : month === 1 ? -0.06 : 0;
  return 0.28 + seasonal + random.between(-0.04, 0.04);
}
