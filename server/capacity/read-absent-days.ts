import { cachedReadModel } from '../dashboard/read-model-cache';
import { type WeekLabel } from '../domain/weeks';
import { workingDaysOfWeek } from '../domain/working-time';
import { Absence } from '../models/absence';
import { collectAbsentDays, type AbsentDays } from './absent-days';

async function listAbsentDays(weeks: readonly WeekLabel[]): Promise<AbsentDays> {
  const days = weeks.flatMap((week) => workingDaysOfWeek(week).map((day) => day.date)).sort();
  if (days.length === 0) return new Map();
  const absences = await Absence.find(
    { to: { $gte: days[0] }, from: { $lte: days[days.length - 1] } },
    { artisan: 1, from: 1, to: 1 },
  ).lean();
  return collectAbsentDays({ absences, weeks });
}

/** Few documents, read by every capacity figure: kept until an absence is declared or cancelled. */
const readKeptAbsentDays = cachedReadModel<readonly WeekLabel[], AbsentDays>({
  name: 'absent-days',
  invalidatedBy: ['capacity:changed'],
  maxAgeMs: 5 * 60_000,
  keyOf: (weeks) => [...weeks].sort().join(','),
  compute: listAbsentDays,
});

/** The working days of `weeks` each artisan has said they will be away; `fresh` reads past the kept copy. */
export function readAbsentDays({
  weeks,
  fresh = false,
}: {
  weeks: readonly WeekLabel[];
  fresh?: boolean;
}): Promise<AbsentDays> {
  return fresh ? listAbsentDays(weeks) : readKeptAbsentDays(weeks);
}
