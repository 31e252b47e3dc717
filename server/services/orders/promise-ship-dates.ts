import { readCapacity, summariseCapacityByWeekAndSkill } from '../../capacity';
import { type Skill } from '../../domain/skills';
import { nairobiDateString, weekRange } from '../../domain/weeks';

/** How far ahead a promise may look: beyond it the line has no promised date. */
const PROMISE_HORIZON_WEEKS = 12;

export interface LineToPromise {
  skill: Skill;
  /** Labour the line needs: quantity × the product's minutes per unit. */
  minutes: number;
}

/**
 * A ship date for each line (Nairobi "YYYY-MM-DD"): the ship-by date when the network's free
 * minutes of the line's skill up to that week cover it, otherwise the last day of the first week
 * by which they do; null when not even the next 12 weeks have room.
 *
 * NOTE: a stand-in until the designers' capacity-check engine lands; that engine replaces this
 * function. It reads free minutes from server/capacity/ (as of `now`, never recomputed here),
 * lets the lines of one order share them in order, and ignores open demand nobody has planned
 * yet, so it can promise more than a plan would place.
 */
export async function promiseShipDates({
  now,
  shipBy,
  lines,
}: {
  now: Date;
  shipBy: Date;
  lines: readonly LineToPromise[];
}): Promise<(string | null)[]> {
  const weeks = weekRange(now, PROMISE_HORIZON_WEEKS);
  const capacity = await readCapacity({ now, weeks: weeks.map((week) => week.label) });
  const free = new Map<string, number>();
  for (const cell of summariseCapacityByWeekAndSkill(capacity.cells))
    free.set(`${cell.week}|${cell.skill}`, cell.freeMinutes);

  return lines.map((line) => {
    let needed = line.minutes;
    for (const week of weeks) {
      const key = `${week.label}|${line.skill}`;
      const taken = Math.min(needed, free.get(key) ?? 0);
      free.set(key, (free.get(key) ?? 0) - taken);
      needed -= taken;
      // Made within the ship-by week (or before): the channel's date holds.
      if (needed <= 0) return nairobiDateString(week.start <= shipBy ? shipBy : new Date(week.end.getTime() - 1));
    }
    return null;
  });
}
