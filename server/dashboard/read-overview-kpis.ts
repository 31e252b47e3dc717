import { readCapacity } from '../capacity';
import { isoWeekLabel, weekRange } from '../domain/weeks';
import { computeOverviewKpis, DUE_SOON_WEEKS, type OverviewKpis } from './compute-overview-kpis';
import { OVERVIEW_MAX_AGE_MS, overviewInvalidation } from './overview-invalidation';
import { cachedReadModel } from './read-model-cache';
import { readKeptOpenOrders } from './read-open-orders';

/** The overview's headline figures as of `now` (see readOverviewKpis for the shared one). */
export async function computeOverviewKpisAt({ now }: { now: Date }): Promise<OverviewKpis> {
  const dueSoonWeeks = weekRange(now, DUE_SOON_WEEKS);
  const currentWeek = dueSoonWeeks[0];
  const [openOrders, capacity, weekAtStart] = await Promise.all([
    readKeptOpenOrders(),
    readCapacity({ now, weeks: [currentWeek.label] }),
    readCapacity({ now: currentWeek.start, weeks: [currentWeek.label] }),
  ]);
  return computeOverviewKpis({
    now,
    dueSoonWeeks,
    openOrders,
    artisans: capacity.roster.artisans,
    committedThisWeek: capacity.committed.filter((row) => row.week === currentWeek.label),
    capacityThisWeek: weekAtStart.cells,
  });
}

/**
 * The headline figures depend on the current week only, not on the chart's range or skill: every
 * overview a planner opens shares them until a change.
 */
export const readOverviewKpis = cachedReadModel<{ now: Date }, OverviewKpis>({
  name: 'overview-kpis',
  invalidatedBy: overviewInvalidation,
  maxAgeMs: OVERVIEW_MAX_AGE_MS,
  keyOf: ({ now }) => isoWeekLabel(now),
  compute: computeOverviewKpisAt,
});
