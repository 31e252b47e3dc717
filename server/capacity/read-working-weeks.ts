import { type WeekLabel } from '../domain/weeks';
import { readGazettedHolidays } from './read-gazetted-holidays';
import { describeWorkingWeeks, type WorkingWeek } from './working-weeks';

/** Weeks as of `now`, with every public holiday (fixed and gazetted): when their working time ends, what is left. */
export async function readWorkingWeeks({
  now,
  weeks,
  fresh = false,
}: {
  now: Date;
  weeks: readonly WeekLabel[];
  fresh?: boolean;
}): Promise<WorkingWeek[]> {
  return describeWorkingWeeks({ now, weeks, gazetted: await readGazettedHolidays({ fresh }) });
}
