import { type ArtisanImpact } from './artisan-impact';
import { forEachPaidRow, type PaidWindow } from './paid-days/paid-columns';
import { type DeliveryAndQuality } from './read-delivery-and-quality';
import { type ArtisanFacts } from './read-paid-days';
import { gini, p90OverP10, quantile, shareOf, spreadOf, type Spread } from './statistics';

/** Every figure of the report for one group of artisans (all, a gender, an area, a workshop). */
export interface GroupFigures {
  artisansPaid: number;
  paidCents: number;
  monthlyEarningsCents: Spread;
  hourlyEarningsCents: number | null;
  livingWageShare: number | null;
  makersShare: number | null;
  revenueCents: number;
  weeksOfWork13: number | null;
  weeksOfWork52: number | null;
  incomeVolatility: number | null;
  gini: number | null;
  p90OverP10: number | null;
  jobsOnTime: number | null;
  inspectionPassRate: number | null;
  daysToMoney: number | null;
}

/**
 * What one maker brings to the sums of a period: an artisan, or a workshop's payouts and work
 * with no artisan named. Groups add up makers, so no group goes back over the rows.
 */
interface MakerTotals {
  paidCents: number;
  revenueCents: number;
  jobs: number;
  jobsOnTime: number;
  unitsInspected: number;
  unitsPassed: number;
  daysToMoney: number[];
}

/** A period's rows summed once per maker, with the artisans paid in it. */
export interface PeriodTotals {
  impacts: readonly ArtisanImpact[];
  artisans: ReadonlyMap<string, ArtisanFacts>;
  byArtisan: ReadonlyMap<string, MakerTotals>;
  /** Payouts and work with no artisan named, by the workshop they went to. */
  byWorkshop: ReadonlyMap<string, MakerTotals>;
  livingHourlyCents: number;
}

const emptyTotals = (): MakerTotals => ({
  paidCents: 0,
  revenueCents: 0,
  jobs: 0,
  jobsOnTime: 0,
  unitsInspected: 0,
  unitsPassed: 0,
  daysToMoney: [],
});

/**
 * One pass over the period's rows. A row naming an artisan counts for that artisan (and is left
 * out when the artisan is unknown); a row naming none counts for its workshop.
 */
export function periodTotals({
  impacts,
  range,
  window,
  jobs,
  inspected,
  artisans,
  livingHourlyCents,
}: {
  impacts: readonly ArtisanImpact[];
  /** The payouts counted are the window's rows whose day the range holds. */
  range: { from: Date; to: Date };
  window: PaidWindow;
  jobs: DeliveryAndQuality['jobs'];
  inspected: DeliveryAndQuality['inspected'];
  artisans: ReadonlyMap<string, ArtisanFacts>;
  livingHourlyCents: number;
}): PeriodTotals {
  const byArtisan = new Map<string, MakerTotals>();
  const byWorkshop = new Map<string, MakerTotals>();
  const totalsOf = ({ artisanId, workshopId }: { artisanId?: string; workshopId: string }) => {
    const [map, key] = artisanId ? [byArtisan, artisanId] : [byWorkshop, workshopId];
    if (artisanId && !artisans.has(artisanId)) return null;
    let totals = map.get(key);
    if (!totals) map.set(key, (totals = emptyTotals()));
    return totals;
  };
  // Each payee's totals found once, not once per row.
  const payeeTotals = new Map<number, MakerTotals | null>();
  const [from, to] = [range.from.getTime(), range.to.getTime()];
  forEachPaidRow(window, (columns, row) => {
    const day = columns.day[row];
    if (day < from || day >= to) return;
    const payee = columns.payee[row];
    let totals = payeeTotals.get(payee);
    if (totals === undefined) payeeTotals.set(payee, (totals = totalsOf(window.index.payees[payee])));
    if (!totals) return;
    totals.paidCents += columns.amountCents[row];
    totals.revenueCents += columns.revenueCents[row];
    for (let at = columns.daysStart[row]; at < columns.daysStart[row + 1]; at++)
      totals.daysToMoney.push(columns.daysToMoney[at]);
  });
  for (const count of jobs) {
    const totals = totalsOf(count);
    if (!totals) continue;
    totals.jobs += count.total;
    totals.jobsOnTime += count.onTime;
  }
  for (const count of inspected) {
    const totals = totalsOf(count);
    if (!totals) continue;
    totals.unitsInspected += count.inspected;
    totals.unitsPassed += count.passed;
  }
  return { impacts, artisans, byArtisan, byWorkshop, livingHourlyCents };
}

/** The makers of one group and its artisans paid. */
interface Group {
  impacts: ArtisanImpact[];
  makers: MakerTotals[];
}

/**
 * The period's makers bucketed in one pass: `artisanKey` names an artisan's group, `workshopKey`
 * the group of work with no artisan named (null: in no group).
 */
export function groupsOf(
  totals: PeriodTotals,
  artisanKey: (artisan: ArtisanFacts) => string | null,
  workshopKey: (workshopId: string) => string | null,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { impacts: [], makers: [] }));
    return group;
  };
  for (const impact of totals.impacts) {
    const key = artisanKey(impact);
    if (key !== null) groupOf(key).impacts.push(impact);
  }
  for (const [artisanId, maker] of totals.byArtisan) {
    const key = artisanKey(totals.artisans.get(artisanId)!);
    if (key !== null) groupOf(key).makers.push(maker);
  }
  for (const [workshopId, maker] of totals.byWorkshop) {
    const key = workshopKey(workshopId);
    if (key !== null) groupOf(key).makers.push(maker);
  }
  return groups;
}

export const NO_GROUP: Group = { impacts: [], makers: [] };

export function groupFigures(group: Group, livingHourlyCents: number): GroupFigures {
  const { impacts, makers } = group;
  let paidCents = 0;
  let revenueCents = 0;
  let jobs = 0;
  let jobsOnTime = 0;
  let unitsInspected = 0;
  let unitsPassed = 0;
  const days: number[] = [];
  for (const maker of makers) {
    paidCents += maker.paidCents;
    revenueCents += maker.revenueCents;
    jobs += maker.jobs;
    jobsOnTime += maker.jobsOnTime;
    unitsInspected += maker.unitsInspected;
    unitsPassed += maker.unitsPassed;
    for (const value of maker.daysToMoney) days.push(value);
  }
  const monthlyEarningsCents = spreadOf(impacts.map((impact) => impact.monthlyCents));
  const hourly = impacts.flatMap((impact) => (impact.hourlyCents === null ? [] : [impact.hourlyCents]));
  const volatility = impacts.flatMap((impact) => (impact.volatility === null ? [] : [impact.volatility]));

  return {
    artisansPaid: impacts.length,
    paidCents,
    monthlyEarningsCents,
    hourlyEarningsCents: quantile(hourly, 0.5),
    livingWageShare: shareOf(hourly.filter((cents) => cents >= livingHourlyCents).length, hourly.length),
    makersShare: shareOf(paidCents, revenueCents),
    revenueCents,
    weeksOfWork13: quantile(
      impacts.map((impact) => impact.weeksOfWork13),
      0.5,
    ),
    weeksOfWork52: quantile(
      impacts.map((impact) => impact.weeksOfWork52),
      0.5,
    ),
    incomeVolatility: quantile(volatility, 0.5),
    gini: gini(impacts.map((impact) => impact.paidCents)),
    p90OverP10: p90OverP10(monthlyEarningsCents),
    jobsOnTime: shareOf(jobsOnTime, jobs),
    inspectionPassRate: shareOf(unitsPassed, unitsInspected),
    daysToMoney: quantile(days, 0.5),
  };
}
