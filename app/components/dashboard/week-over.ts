import { isWeekLabel } from '#server/domain/weeks';
import { workingMinutesLeft } from '#server/domain/working-time';

/** The weeks among `weeks` whose working time is over as of `now` (they offer no more capacity). */
export function weeksOverAt({ weeks, now }: { weeks: readonly string[]; now: Date }): string[] {
  return weeks.filter((week) => isWeekLabel(week) && workingMinutesLeft({ week, now }) === 0);
}
