import { readCapacity } from '../capacity';
import { OVERVIEW_EVENTS } from '../domain/events';
import { moveKeepsNetworkFigures } from '../domain/job-status';
import { isoWeekLabel, weekRange } from '../domain/weeks';
import { computeDemandCapacity, type DemandCapacity } from './compute-demand-capacity';
import { computeOverviewKpis, DUE_SOON_WEEKS, type OverviewKpis } from './compute-overview-kpis';
import { type OverviewQuery } from './overview-query';
import { cachedReadModel, droppedBy } from './read-model-cache';
import { readOpenOrders } from './read-open-orders';

export interface Overview {
  kpis: OverviewKpis;
  demand: DemandCapacity;
  /** When these figures were computed (they are shared between requests until data changes). */
  computedAt: string;
}

/** The overview's figures, computed from the database (see readOverview for the shared one). */
export async function computeOverview({ now, query }: { now: Date; query: OverviewQuery }): Promise<Overview> {
  const dueSoonWeeks = weekRange(now, DUE_SOON_WEEKS);
  const currentWeek = dueSoonWeeks[0];
  const chartWeeks = weekRange(query.from ?? currentWeek.label, query.weeks);
  const weekLabels = [...new Set([currentWeek.label, ...chartWeeks.map((week) => week.label)])];

  const [openOrders, capacity, weekAtStart] = await Promise.all([
    readOpenOrders(),
    readCapacity({ now, weeks: weekLabels }),
    readCapacity({ now: currentWeek.start, weeks: [currentWeek.label] }),
  ]);
  const kpis = computeOverviewKpis({
    now,
    dueSoonWeeks,
    openOrders,
    artisans: capacity.roster.artisans,
    committedThisWeek: capacity.committed.filter((row) => row.week === currentWeek.label),
    capacityThisWeek: weekAtStart.cells,
  });
  const demand = computeDemandCapacity({
    weeks: chartWeeks,
    currentWeek,
    skill: query.skill,
    lines: openOrders.lines,
    capacity: capacity.cells,
  });
  return { kpis, demand, computedAt: now.toISOString() };
}

/**
 * The overview as every planner sees it, computed once per change: any of the overview's events
 * (a new order, a cancelled one, a job moving, a plan committed, capacity changing) computes it
 * afresh, except a job's move that changes no network figure (an artisan starting an accepted job).
 */
export const readOverview = cachedReadModel<{ now: Date; query: OverviewQuery }, Overview>({
  name: 'overview',
  invalidatedBy: droppedBy(OVERVIEW_EVENTS, {
    'job:status': (event) => (moveKeepsNetworkFigures(event) ? [] : 'all'),
  }),
  maxAgeMs: 60_000,
  keyOf: ({ now, query }) => [isoWeekLabel(now), query.from ?? '', query.weeks, query.skill ?? ''].join('|'),
  compute: computeOverview,
});
