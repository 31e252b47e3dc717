import { type WeekLabel } from '../domain/weeks';
import { workingDaysOfWeek } from '../domain/working-time';

/** Artisan id → the working days ("YYYY-MM-DD") of some weeks on which they are away. */
export type AbsentDays = Map<string, Set<string>>;

/** Which working days of `weeks` each artisan is away, from their absences (from–to inclusive). */
export function collectAbsentDays({
  absences,
  weeks,
}: {
  absences: readonly { artisan: unknown; from: string; to: string }[];
  weeks: readonly WeekLabel[];
}): AbsentDays {
  const days = weeks.flatMap((week) => workingDaysOfWeek(week).map((day) => day.date));
  const absent: AbsentDays = new Map();
  for (const absence of absences) {
    // Days are "YYYY-MM-DD", so text order is calendar order.
    const away = days.filter((day) => absence.from <= day && day <= absence.to);
    if (away.length === 0) continue;
    const artisanId = String(absence.artisan);
    const set = absent.get(artisanId) ?? new Set<string>();
    for (const day of away) set.add(day);
    absent.set(artisanId, set);
  }
  return absent;
}
