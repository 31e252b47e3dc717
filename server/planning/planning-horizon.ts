import { isoWeekLabel, nairobiDateString, weekRange, type Week, type WeekLabel } from '../domain/weeks';

/** Weeks a plan looks ahead unless told otherwise: the 2–3 week turnaround the network promises. */
export const DEFAULT_HORIZON_WEEKS = 3;
export const MAX_HORIZON_WEEKS = 12;

export interface PlanningHorizon {
  /** The instant the plan is made as of: capacity is what is left from then. */
  now: Date;
  weeks: Week[];
  labels: WeekLabel[];
  /** Monday of the first week as a Nairobi calendar date, the optimizer's `horizon.start`. */
  startDate: string;
}

/** The Nairobi ISO week holding `now` and the weeks after it. */
export function planningHorizon({
  now,
  weeks = DEFAULT_HORIZON_WEEKS,
}: {
  now: Date;
  weeks?: number;
}): PlanningHorizon {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_HORIZON_WEEKS) {
    throw new RangeError(`a planning horizon is 1 to ${MAX_HORIZON_WEEKS} whole weeks, got ${weeks}`);
  }
  const range = weekRange(isoWeekLabel(now), weeks);
  return { now, weeks: range, labels: range.map((week) => week.label), startDate: nairobiDateString(range[0].start) };
}
