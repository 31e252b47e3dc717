import { type CapacityArtisanRecord, type CommittedMinutesRow } from '../capacity';
import { type CapacityCell } from '../domain/capacity-arithmetic';
import { type Week, type WeekLabel } from '../domain/weeks';
import { type OpenOrders } from './read-open-orders';

/** How far ahead "at risk of being late" looks, in days from now. */
export const AT_RISK_HORIZON_DAYS = 7;
/** "Units due soon" counts this week and the next two. */
export const DUE_SOON_WEEKS = 3;

/**
 * The overview's headline figures. Each is defined here once; the cards repeat the definition.
 *
 * - openOrders: orders not yet shipped and not cancelled; `unplanned` of them are still `open`
 *   (no plan has placed them).
 * - unitsDue: units ordered on open orders whose ship-by falls before the end of the third week
 *   (this week and the next two, Nairobi weeks); overdue orders count, and are also given apart.
 * - utilisation: minutes of the jobs planned in this week (all but declined or cancelled ones)
 *   over the minutes the active artisans of active workshops offered this week as of its start
 *   (public holidays and days away removed). Above 1 means the week is over-committed.
 *   NOTE: not the capacity left as of now, as the demand chart shows: the week's planned jobs
 *   include work done on days already past, so against what is left the ratio would climb
 *   towards infinity by Friday afternoon however well the week went.
 * - atRisk: units not made yet on open orders whose ship-by is within AT_RISK_HORIZON_DAYS of now
 *   or already past: units no job covers, plus units in jobs not yet handed to QC (offered,
 *   accepted, in progress, or failed and waiting for rework).
 * - idleArtisans: active artisans of active workshops not named on any job planned for this
 *   week. A job still on offer names no artisan, so it gives nobody work until it is accepted.
 */
export interface OverviewKpis {
  week: WeekLabel;
  openOrders: { count: number; unplanned: number };
  unitsDue: { units: number; overdueUnits: number; throughWeek: WeekLabel };
  utilisation: { committedMinutes: number; capacityMinutes: number; fraction: number | null };
  atRisk: { units: number; uncoveredUnits: number; unfinishedUnits: number; horizonDays: number };
  idleArtisans: { count: number; activeArtisans: number };
}

export function computeOverviewKpis({
  now,
  dueSoonWeeks,
  openOrders,
  artisans,
  committedThisWeek,
  capacityThisWeek,
}: {
  now: Date;
  /** This week and the next two, in order. */
  dueSoonWeeks: readonly Week[];
  openOrders: OpenOrders;
  artisans: readonly CapacityArtisanRecord[];
  /** Rows of readCommittedMinutes for this week only. */
  committedThisWeek: readonly CommittedMinutesRow[];
  /** Capacity cells of this week as of its start (readCapacity with `now` at Monday 00:00). */
  capacityThisWeek: readonly CapacityCell[];
}): OverviewKpis {
  const thisWeek = dueSoonWeeks[0];
  const dueSoonEnd = dueSoonWeeks[dueSoonWeeks.length - 1].end;
  const atRiskEnd = new Date(now.getTime() + AT_RISK_HORIZON_DAYS * 24 * 60 * 60_000);

  const unitsDue = { units: 0, overdueUnits: 0, throughWeek: dueSoonWeeks[dueSoonWeeks.length - 1].label };
  const atRisk = { units: 0, uncoveredUnits: 0, unfinishedUnits: 0, horizonDays: AT_RISK_HORIZON_DAYS };
  for (const line of openOrders.lines) {
    if (line.shipBy < dueSoonEnd) unitsDue.units += line.ordered;
    if (line.shipBy < now) unitsDue.overdueUnits += line.ordered;
    if (line.shipBy < atRiskEnd) {
      atRisk.uncoveredUnits += line.uncovered;
      atRisk.unfinishedUnits += line.unfinished;
    }
  }
  atRisk.units = atRisk.uncoveredUnits + atRisk.unfinishedUnits;

  const capacityMinutes = capacityThisWeek.reduce((sum, cell) => sum + cell.capacityMinutes, 0);
  const committedMinutes = committedThisWeek.reduce((sum, row) => sum + row.minutes, 0);

  const working = new Set(committedThisWeek.flatMap((row) => row.artisanIds));
  const idle = artisans.filter((artisan) => !working.has(artisan.artisanId)).length;

  return {
    week: thisWeek.label,
    openOrders: {
      count: openOrders.orders.length,
      unplanned: openOrders.orders.filter((order) => order.status === 'open').length,
    },
    unitsDue,
    utilisation: {
      committedMinutes,
      capacityMinutes,
      fraction: capacityMinutes > 0 ? committedMinutes / capacityMinutes : null,
    },
    atRisk,
    idleArtisans: { count: idle, activeArtisans: artisans.length },
  };
}
