import { readCapacity } from '../capacity';
import { type CapacityCell } from '../domain/capacity-arithmetic';
import { type Skill } from '../domain/skills';
import { isoWeekLabel, type WeekLabel } from '../domain/weeks';
import { OVERVIEW_MAX_AGE_MS, overviewInvalidation } from './overview-invalidation';
import { cachedReadModel } from './read-model-cache';

/** The network's capacity and committed minutes for one week and skill, summed over its workshops. */
export type SkillWeekMinutes = Pick<CapacityCell, 'week' | 'skill' | 'capacityMinutes' | 'committedMinutes'>;

/** One week's capacity cells (server/capacity, as of now) summed by skill. */
export async function computeNetworkWeekTotals({
  now,
  week,
}: {
  now: Date;
  week: WeekLabel;
}): Promise<SkillWeekMinutes[]> {
  const { cells } = await readCapacity({ now, weeks: [week] });
  const bySkill = new Map<Skill, SkillWeekMinutes>();
  for (const cell of cells) {
    const total = bySkill.get(cell.skill) ?? { week, skill: cell.skill, capacityMinutes: 0, committedMinutes: 0 };
    total.capacityMinutes += cell.capacityMinutes;
    total.committedMinutes += cell.committedMinutes;
    bySkill.set(cell.skill, total);
  }
  return [...bySkill.values()];
}

/**
 * The week totals the overview's chart is made of, kept per week: the chart's many ranges (from
 * any week, 4 to 26 weeks long, one skill or all) share them, so after a change each week is
 * summed once, not once per range asked for. Keyed by the current week too, since a week's
 * capacity is what is left of it as of now.
 */
export const readNetworkWeekTotals = cachedReadModel<{ now: Date; week: WeekLabel }, SkillWeekMinutes[]>({
  name: 'network-week-totals',
  invalidatedBy: overviewInvalidation,
  maxAgeMs: OVERVIEW_MAX_AGE_MS,
  keyOf: ({ now, week }) => `${isoWeekLabel(now)}|${week}`,
  // The weeks around now that the chart can start at, and the 26 it can span.
  maxKept: 128,
  compute: computeNetworkWeekTotals,
});
