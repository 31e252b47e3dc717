import {
  isoWeekLabel,
  nairobiDateString,
  shiftInNairobi,
  weekRange,
  weekStartOfLabel,
  type Week,
  type WeekLabel,
} from '../domain/weeks';

/** Weeks a plan looks ahead unless told otherwise: the 2–3 week turnaround the network promises. */
export const DEFAULT_HORIZON_WEEKS = 3;
export const MAX_HORIZON_WEEKS = 12;

export interface PlanningHorizon {
  weeks: Week[];
  labels: WeekLabel[];
  /** Monday of the first week as a Nairobi calendar date, the optimizer's `horizon.start`. */
  startDate: string;
}

/** The current Nairobi ISO week and the weeks after it. */
export function planningHorizon({
  now = new Date(),
  weeks = DEFAULT_HORIZON_WEEKS,
}: { now?: Date; weeks?: number } = {}): PlanningHorizon {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_HORIZON_WEEKS) {
    throw new RangeError(`a planning horizon is 1 to ${MAX_HORIZON_WEEKS} whole weeks, got ${weeks}`);
  }
  const range = weekRange(isoWeekLabel(now), weeks);
  return { weeks: range, labels: range.map((week) => week.label), startDate: nairobiDateString(range[0].start) };
}

/**
 * When a job planned in `week` is due: Friday 17:00 in Nairobi, the end of the artisans' working
 * week, so QC and packing can follow before the order ships.
 */
export function jobDueDate(week: WeekLabel): Date {
  return shiftInNairobi({ from: weekStartOfLabel(week), days: 4, hours: 17 });
}
