import { isoWeekLabel, shiftWeekLabel, type WeekLabel } from '../domain/weeks';

/** Weeks to choose from on a page: a few before and after the current one. */
export function weeksAround({
  now,
  before,
  after,
}: {
  now: Date;
  before: number;
  after: number;
}): { label: WeekLabel; current: boolean }[] {
  const current = isoWeekLabel(now);
  return Array.from({ length: before + after + 1 }, (_, index) => {
    const label = shiftWeekLabel(current, index - before);
    return { label, current: label === current };
  });
}
