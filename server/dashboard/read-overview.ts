import { isoWeekLabel, weekRange } from '../domain/weeks';
import { computeDemandCapacity, type DemandCapacity } from './compute-demand-capacity';
import { type OverviewKpis } from './compute-overview-kpis';
import { OVERVIEW_MAX_AGE_MS, overviewInvalidation } from './overview-invalidation';
import { type OverviewQuery } from './overview-query';
import { cachedReadModel } from './read-model-cache';
import { readNetworkWeekTotals } from './read-network-week-totals';
import { readKeptOpenOrders } from './read-open-orders';
import { readOverviewKpis } from './read-overview-kpis';

export interface Overview {
  kpis: OverviewKpis;
  demand: DemandCapacity;
  /** When these figures were computed (they are shared between requests until data changes). */
  computedAt: string;
}

/**
 * The overview's figures. Its parts are kept apart and shared (the open orders, the headline
 * figures of the week, each week's capacity totals), so a range or skill not asked for since the
 * last change costs only the chart's arithmetic.
 */
export async function computeOverview({ now, query }: { now: Date; query: OverviewQuery }): Promise<Overview> {
  const currentWeek = weekRange(now, 1)[0];
  const chartWeeks = weekRange(query.from ?? currentWeek.label, query.weeks);
  const [kpis, openOrders, weekTotals] = await Promise.all([
    readOverviewKpis({ now }),
    readKeptOpenOrders(),
    Promise.all(chartWeeks.map((week) => readNetworkWeekTotals({ now, week: week.label }))),
  ]);
  const demand = computeDemandCapacity({
    weeks: chartWeeks,
    currentWeek,
    skill: query.skill,
    lines: openOrders.lines,
    capacity: weekTotals.flat(),
  });
  return { kpis, demand, computedAt: now.toISOString() };
}

/** The overview as every planner sees it, computed once per change and range (see overviewInvalidation). */
export const readOverview = cachedReadModel<{ now: Date; query: OverviewQuery }, Overview>({
  name: 'overview',
  invalidatedBy: overviewInvalidation,
  maxAgeMs: OVERVIEW_MAX_AGE_MS,
  keyOf: ({ now, query }) => [isoWeekLabel(now), query.from ?? '', query.weeks, query.skill ?? ''].join('|'),
  compute: computeOverview,
});
