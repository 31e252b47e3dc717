import { type ArtisanImpact } from './artisan-impact';
import { type DeliveryAndQuality } from './read-delivery-and-quality';
import { type ArtisanFacts, type PaidDay } from './read-paid-days';
import { gini, p90OverP10, quantile, shareOf, spreadOf, sum, type Spread } from './statistics';

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

export interface GroupInput {
  /** Artisans paid in the period (all of them; the group picks its own). */
  impacts: readonly ArtisanImpact[];
  /** Paid days in the period. */
  payouts: readonly PaidDay[];
  artisans: ReadonlyMap<string, ArtisanFacts>;
  jobs: DeliveryAndQuality['jobs'];
  inspected: DeliveryAndQuality['inspected'];
  livingHourlyCents: number;
}

/**
 * A group is who belongs to it: `artisan` decides for artisans; `workshop` decides for payouts made
 * to a workshop as a whole and for work with no artisan named (null: such payouts are left out).
 */
export interface GroupMembership {
  artisan: (artisan: ArtisanFacts) => boolean;
  workshop: ((workshopId: string) => boolean) | null;
}

export function groupFigures(input: GroupInput, member: GroupMembership): GroupFigures {
  const impacts = input.impacts.filter((impact) => member.artisan(impact));
  const inGroup = (artisanId: string | undefined, workshopId?: string) => {
    if (artisanId) {
      const artisan = input.artisans.get(artisanId);
      return artisan ? member.artisan(artisan) : false;
    }
    return member.workshop !== null && workshopId !== undefined && member.workshop(workshopId);
  };
  const payouts = input.payouts.filter((work) => inGroup(work.artisanId, work.workshopId));
  const paidCents = sum(payouts.map((work) => work.amountCents));
  const revenueCents = sum(payouts.map((work) => work.revenueCents));
  const monthly = impacts.map((impact) => impact.monthlyCents);
  const monthlyEarningsCents = spreadOf(monthly);
  const hourly = impacts.flatMap((impact) => (impact.hourlyCents === null ? [] : [impact.hourlyCents]));

  const jobs = input.jobs.filter((count) => inGroup(count.artisanId, count.workshopId));
  const inspected = input.inspected.filter((count) => inGroup(count.artisanId, count.workshopId));
  const days = payouts.flatMap((work) => work.daysToMoney);
  const volatility = impacts.flatMap((impact) => (impact.volatility === null ? [] : [impact.volatility]));

  return {
    artisansPaid: impacts.length,
    paidCents,
    monthlyEarningsCents,
    hourlyEarningsCents: quantile(hourly, 0.5),
    livingWageShare: shareOf(hourly.filter((cents) => cents >= input.livingHourlyCents).length, hourly.length),
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
    jobsOnTime: shareOf(sum(jobs.map((count) => count.onTime)), sum(jobs.map((count) => count.total))),
    inspectionPassRate: shareOf(
      sum(inspected.map((count) => count.passed)),
      sum(inspected.map((count) => count.inspected)),
    ),
    daysToMoney: quantile(days, 0.5),
  };
}

/** Everyone in the input: for an input already cut down to one group (see splitByWorkshop). */
export const EVERYONE: GroupMembership = { artisan: () => true, workshop: () => true };

/**
 * The input cut into one part per workshop, each holding what groupFigures would pick for that
 * workshop (an artisan's work goes with the artisan's workshop; work with no artisan named with
 * its own). Areas and workshops are then a lookup rather than a pass over everything per row.
 */
export function splitByWorkshop(input: GroupInput): Map<string, GroupInput> {
  type Part = {
    impacts: ArtisanImpact[];
    payouts: PaidDay[];
    jobs: GroupInput['jobs'][number][];
    inspected: GroupInput['inspected'][number][];
  };
  const parts = new Map<string, Part>();
  const partOf = (workshopId: string): Part => {
    const part = parts.get(workshopId) ?? { impacts: [], payouts: [], jobs: [], inspected: [] };
    parts.set(workshopId, part);
    return part;
  };
  const workshopOf = (item: { artisanId?: string; workshopId: string }) =>
    item.artisanId ? input.artisans.get(item.artisanId)?.workshopId : item.workshopId;
  for (const impact of input.impacts) partOf(impact.workshopId).impacts.push(impact);
  for (const work of input.payouts) {
    const workshopId = workshopOf(work);
    if (workshopId) partOf(workshopId).payouts.push(work);
  }
  for (const count of input.jobs) {
    const workshopId = workshopOf(count);
    if (workshopId) partOf(workshopId).jobs.push(count);
  }
  for (const count of input.inspected) {
    const workshopId = workshopOf(count);
    if (workshopId) partOf(workshopId).inspected.push(count);
  }
  return new Map([...parts].map(([workshopId, part]) => [workshopId, { ...input, ...part }]));
}

/** Several parts of splitByWorkshop as one input. */
export function mergeParts(input: GroupInput, parts: readonly GroupInput[]): GroupInput {
  return {
    ...input,
    impacts: parts.flatMap((part) => part.impacts),
    payouts: parts.flatMap((part) => part.payouts),
    jobs: parts.flatMap((part) => part.jobs),
    inspected: parts.flatMap((part) => part.inspected),
  };
}
