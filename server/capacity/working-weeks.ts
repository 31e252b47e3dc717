import { type CapacityWeek } from '../domain/capacity-arithmetic';
import { type Holiday } from '../domain/holidays';
import { type WeekLabel } from '../domain/weeks';
import {
  holidaysInWeek,
  WORKING_MINUTES_PER_WEEK,
  workingDaysOfWeek,
  workingMinutesLeft,
  workingTimeEnd,
} from '../domain/working-time';

/** A week as capacity sees it at one instant: its holidays and the working time it has left. */
export interface WorkingWeek {
  label: WeekLabel;
  /** Public holidays (fixed and gazetted) on its working days. */
  holidays: Holiday[];
  /** Working minutes still ahead of `now`, holidays removed: 0 for a week gone by. */
  minutesLeft: number;
  /** minutesLeft over a normal week's working minutes: the share of declared hours it still offers. */
  share: number;
  /** 17:00 on its last working day that is not a holiday; null when holidays take every day. */
  workingTimeEnd: Date | null;
}

/** The weeks as of `now`, with the fixed Kenyan holidays and the gazetted ones given. */
export function describeWorkingWeeks({
  now,
  weeks,
  gazetted,
}: {
  now: Date;
  weeks: readonly WeekLabel[];
  gazetted: readonly Holiday[];
}): WorkingWeek[] {
  return weeks.map((label) => {
    const holidays = holidaysInWeek({ week: label, extra: gazetted });
    const closedDays = new Set(holidays.map((holiday) => holiday.date));
    const minutesLeft = workingMinutesLeft({ week: label, now, closedDays });
    return {
      label,
      holidays,
      minutesLeft,
      share: minutesLeft / WORKING_MINUTES_PER_WEEK,
      workingTimeEnd: workingTimeEnd({ week: label, closedDays }),
    };
  });
}

/**
 * The weeks for the capacity arithmetic: each week's share, and a smaller share for every artisan
 * away on some of its working days that are still ahead (a day away that is past or a holiday
 * changes nothing).
 */
export function toCapacityWeeks({
  weeks,
  now,
  absentDays,
}: {
  weeks: readonly WorkingWeek[];
  now: Date;
  /** Artisan id → Nairobi days ("YYYY-MM-DD") they are away. */
  absentDays: ReadonlyMap<string, ReadonlySet<string>>;
}): CapacityWeek[] {
  return weeks.map((week) => {
    const shareByArtisan = new Map<string, number>();
    if (absentDays.size > 0 && week.minutesLeft > 0) {
      const days = workingDaysOfWeek(week.label).map((day) => day.date);
      const holidays = week.holidays.map((holiday) => holiday.date);
      for (const [artisanId, away] of absentDays) {
        if (!days.some((day) => away.has(day))) continue;
        const closedDays = new Set([...holidays, ...days.filter((day) => away.has(day))]);
        const share = workingMinutesLeft({ week: week.label, now, closedDays }) / WORKING_MINUTES_PER_WEEK;
        if (share !== week.share) shareByArtisan.set(artisanId, share);
      }
    }
    return { label: week.label, share: week.share, ...(shareByArtisan.size > 0 ? { shareByArtisan } : {}) };
  });
}
