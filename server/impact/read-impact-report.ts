import { MAKERS_SHARE_TARGET } from '../domain/impact-figures';
import { ORDER_SOURCES, type OrderSource } from '../domain/order-source';
import { hourlyCentsOfMonthly, type ReferenceWage, type ReferenceWageKind } from '../domain/reference-wages';
import { weekStartOfLabel } from '../domain/weeks';
import { GENDERS, type Gender } from '../models/artisan';
import { readReferenceWages } from '../services/wages/read-reference-wages';
import { artisanImpacts, trailingWeeks, type ArtisanImpact } from './artisan-impact';
import { groupFigures, groupsOf, NO_GROUP, periodTotals, type GroupFigures, type PeriodTotals } from './group-figures';
import { twelveMonthsEnding, type ImpactPeriod, type ImpactRange } from './impact-period';
import { artisansInOrder, forEachPaidRow, type PaidWindow } from './paid-days/paid-columns';
import { readDeliveryAndQuality, type DeliveryAndQuality } from './read-delivery-and-quality';
import { readPaidDays, type ArtisanFacts, type WorkshopFacts } from './read-paid-days';
import { impactRegistryInMemory } from './registry-in-memory';
import { shareOf } from './statistics';

export type GenderSplit = Record<'all' | Gender, GroupFigures>;

export interface PeriodFigures {
  range: ImpactRange;
  byGender: GenderSplit;
  ordersOnTime: { channel: OrderSource; orders: number; onTime: number; share: number | null }[];
}

export interface ImpactReport {
  period: ImpactPeriod;
  wages: Record<ReferenceWageKind, ReferenceWage & { hourlyCents: number }>;
  makersShareTarget: typeof MAKERS_SHARE_TARGET;
  current: PeriodFigures;
  previous: PeriodFigures;
  byArea: { area: string; workshops: number; figures: GroupFigures }[];
  byWorkshop: (WorkshopFacts & { figures: GroupFigures })[];
  artisans: ArtisanImpact[];
  /** Pay and artisans paid in each of the 12 months ending with the period. */
  trend: { month: string; paidCents: number; artisansPaid: number }[];
}

/** The earliest instant any figure of a range looks back to (12 months, 52 weeks). */
function lookbackStart(range: ImpactRange): Date {
  const firstWeek = weekStartOfLabel([...trailingWeeks(range, 52)].sort()[0]);
  const firstMonth = twelveMonthsEnding(range).from;
  return new Date(Math.min(range.from.getTime(), firstMonth.getTime(), firstWeek.getTime()));
}

const EVERYONE = () => 'all';

function periodFigures({
  range,
  delivery,
  paid,
  artisans,
  livingHourlyCents,
  withHistory,
}: {
  range: ImpactRange;
  delivery: DeliveryAndQuality;
  paid: { window: PaidWindow; artisanOrder: readonly number[] };
  artisans: ReadonlyMap<string, ArtisanFacts>;
  livingHourlyCents: number;
  withHistory: boolean;
}): { figures: PeriodFigures; totals: PeriodTotals } {
  const totals = periodTotals({
    impacts: artisanImpacts({ range, ...paid, artisans, withHistory }),
    range,
    window: paid.window,
    artisans,
    jobs: delivery.jobs,
    inspected: delivery.inspected,
    livingHourlyCents,
  });
  // Work with no artisan named counts for everyone, and for no gender.
  const all = groupsOf(totals, EVERYONE, EVERYONE).get('all') ?? NO_GROUP;
  const genders = groupsOf(
    totals,
    (artisan) => artisan.gender,
    () => null,
  );
  const byGender = {
    all: groupFigures(all, livingHourlyCents),
    ...Object.fromEntries(
      GENDERS.map((gender) => [gender, groupFigures(genders.get(gender) ?? NO_GROUP, livingHourlyCents)]),
    ),
  } as GenderSplit;
  const ordersOnTime = ORDER_SOURCES.map((channel) => {
    const count = delivery.ordersByChannel.get(channel) ?? { total: 0, onTime: 0 };
    return { channel, orders: count.total, onTime: count.onTime, share: shareOf(count.onTime, count.total) };
  });
  return { figures: { range, byGender, ordersOnTime }, totals };
}

/** Pay and artisans paid in each month, in one pass over the window's rows. */
function monthlyTrend(window: PaidWindow, months: readonly string[]): ImpactReport['trend'] {
  const byMonth = new Map(months.map((month) => [month, { paidCents: 0, artisansPaid: 0 }]));
  // Which month last counted each artisan: no set of artisans per month.
  const countedIn = new Int32Array(window.index.artisanIds.length).fill(-1);
  const monthNumber = new Map(months.map((month, index) => [month, index]));
  forEachPaidRow(window, (columns, row) => {
    const entry = byMonth.get(columns.month);
    if (!entry) return;
    entry.paidCents += columns.amountCents[row];
    const artisan = window.index.artisanOfPayee[columns.payee[row]];
    const month = monthNumber.get(columns.month)!;
    if (artisan >= 0 && countedIn[artisan] !== month) {
      countedIn[artisan] = month;
      entry.artisansPaid += 1;
    }
  });
  return months.map((month) => ({ month, ...byMonth.get(month)! }));
}

/**
 * The impact report of a period against the one before: money, earnings, wages, regularity,
 * inequality, delivery and quality, each split by gender, by area and by workshop.
 */
export async function readImpactReport({ period }: { period: ImpactPeriod }): Promise<ImpactReport> {
  const from = new Date(Math.min(lookbackStart(period).getTime(), lookbackStart(period.previous).getTime()));
  const [{ window, revision }, wages, [currentDelivery, previousDelivery]] = await Promise.all([
    readPaidDays({
      from,
      to: period.to,
      boundaries: [period.from, period.to, period.previous.from, period.previous.to],
    }),
    readReferenceWages({ at: new Date(period.to.getTime() - 1) }),
    readDeliveryAndQuality({ ranges: [period, period.previous] }),
  ]);
  const { artisans, workshops } = await impactRegistryInMemory(revision);
  const livingHourlyCents = hourlyCentsOfMonthly(wages.living.monthlyCents);
  const paid = { window, artisanOrder: artisansInOrder(window) };
  const current = periodFigures({
    range: period,
    delivery: currentDelivery,
    paid,
    artisans,
    livingHourlyCents,
    withHistory: true,
  });
  const previous = periodFigures({
    range: period.previous,
    delivery: previousDelivery,
    paid,
    artisans,
    livingHourlyCents,
    withHistory: false,
  });

  // An artisan counts with the workshop the artisan belongs to; work with no artisan named with its own.
  const areaOf = new Map(workshops.map((workshop) => [workshop.workshopId, workshop.area]));
  const areaGroups = groupsOf(
    current.totals,
    (artisan) => areaOf.get(artisan.workshopId) ?? null,
    (workshopId) => areaOf.get(workshopId) ?? null,
  );
  const workshopGroups = groupsOf(
    current.totals,
    (artisan) => (areaOf.has(artisan.workshopId) ? artisan.workshopId : null),
    (workshopId) => (areaOf.has(workshopId) ? workshopId : null),
  );
  const areas = [...new Set(workshops.map((workshop) => workshop.area))].sort();
  const byArea = areas
    .map((area) => ({
      area,
      workshops: workshops.filter((workshop) => workshop.area === area).length,
      figures: groupFigures(areaGroups.get(area) ?? NO_GROUP, livingHourlyCents),
    }))
    .filter((row) => row.figures.paidCents > 0);
  const byWorkshop = workshops
    .flatMap((workshop) => {
      const group = workshopGroups.get(workshop.workshopId);
      return group ? [{ ...workshop, figures: groupFigures(group, livingHourlyCents) }] : [];
    })
    .filter((row) => row.figures.paidCents > 0)
    .sort((left, right) => right.figures.paidCents - left.figures.paidCents || left.code.localeCompare(right.code));

  const trend = monthlyTrend(window, twelveMonthsEnding(period).months);

  const withHourly = (wage: ReferenceWage) => ({ ...wage, hourlyCents: hourlyCentsOfMonthly(wage.monthlyCents) });
  return {
    period,
    wages: { minimum: withHourly(wages.minimum), living: withHourly(wages.living) },
    makersShareTarget: MAKERS_SHARE_TARGET,
    current: current.figures,
    previous: previous.figures,
    byArea,
    byWorkshop,
    artisans: current.totals.impacts as ArtisanImpact[],
    trend,
  };
}
