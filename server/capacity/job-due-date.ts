import { type WorkingWeek } from './working-weeks';

/**
 * When a job planned in `week` is due: at the end of that week's working time (Friday 17:00 in
 * Nairobi unless a holiday closes the Friday), so QC and packing can follow; earlier if the
 * order must ship before then; and never before `now`, the moment it is offered. Null when the
 * week has no working time left as of `now`: work cannot be offered into it.
 */
export function jobDueDate({ week, shipBy, now }: { week: WorkingWeek; shipBy: Date; now: Date }): Date | null {
  if (week.minutesLeft <= 0 || !week.workingTimeEnd) return null;
  const due = Math.min(week.workingTimeEnd.getTime(), shipBy.getTime());
  return new Date(Math.max(due, now.getTime()));
}
