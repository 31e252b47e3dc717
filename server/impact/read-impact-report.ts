import { MAKERS_SHARE_TARGET } from '../domain/impact-figures';
import { ORDER_SOURCES, type OrderSource } from '../domain/order-source';
import { hourlyCentsOfMonthly, type ReferenceWage, type ReferenceWageKind } from '../domain/reference-wages';
import { weekStartOfLabel } from '../domain/weeks';
import { Artisan, GENDERS, type Gender } from '../models/artisan';
import { Workshop } from '../models/workshop';
import { readReferenceWages } from '../services/wages/read-reference-wages';
import { artisanImpacts, trailingWeeks, type ArtisanImpact } from './artisan-impact';
import {
  EVERYONE,
  groupFigures,
  mergeParts,
  splitByWorkshop,
  type GroupFigures,
  type GroupInput,
} from './group-figures';
import { twelveMonthsEnding, type ImpactPeriod, type ImpactRange } from './impact-period';
import { readDeliveryAndQuality, type DeliveryAndQuality } from './read-delivery-and-quality';
import { readPaidDays, type ArtisanFacts, type PaidDay, type WorkshopFacts } from './read-paid-days';
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

function periodFigures({
  range,
  delivery,
  paid,
  artisans,
  livingHourlyCents,
}: {
  range: ImpactRange;
  delivery: DeliveryAndQuality;
  paid: PaidDay[];
  artisans: Map<string, ArtisanFacts>;
  livingHourlyCents: number;
}): { figures: PeriodFigures; input: GroupInput } {
  const input: GroupInput = {
    impacts: artisanImpacts({ range, paid, artisans }),
    payouts: paid.filter((work) => work.day >= range.from && work.day < range.to),
    artisans,
    jobs: delivery.jobs,
    inspected: delivery.inspected,
    livingHourlyCents,
  };
  const byGender = {
    all: groupFigures(input, EVERYONE),
    ...Object.fromEntries(
      GENDERS.map((gender) => [gender, groupFigures(input, { artisan: (a) => a.gender === gender, workshop: null })]),
    ),
  } as GenderSplit;
  const ordersOnTime = ORDER_SOURCES.map((channel) => {
    const count = delivery.ordersByChannel.get(channel) ?? { total: 0, onTime: 0 };
    return { channel, orders: count.total, onTime: count.onTime, share: shareOf(count.onTime, count.total) };
  });
  return { figures: { range, byGender, ordersOnTime }, input };
}

/**
 * The impact report of a period against the one before: money, earnings, wages, regularity,
 * inequality, delivery and quality, each split by gender, by area and by workshop.
 */
export async function readImpactReport({ period }: { period: ImpactPeriod }): Promise<ImpactReport> {
  const from = new Date(Math.min(lookbackStart(period).getTime(), lookbackStart(period.previous).getTime()));
  const [paid, artisanDocs, workshopDocs, wages, [currentDelivery, previousDelivery]] = await Promise.all([
    readPaidDays({ from, to: period.to }),
    Artisan.find({}, { name: 1, gender: 1, workshop: 1 }).lean(),
    Workshop.find({}, { code: 1, name: 1, area: 1 }).lean(),
    readReferenceWages({ at: new Date(period.to.getTime() - 1) }),
    readDeliveryAndQuality({ ranges: [period, period.previous] }),
  ]);
  const artisans = new Map(
    artisanDocs.map((doc) => [
      String(doc._id),
      { artisanId: String(doc._id), name: doc.name, gender: doc.gender, workshopId: String(doc.workshop) },
    ]),
  );
  const workshops: WorkshopFacts[] = workshopDocs.map((doc) => ({
    workshopId: String(doc._id),
    code: doc.code,
    name: doc.name,
    area: doc.area,
  }));
  const livingHourlyCents = hourlyCentsOfMonthly(wages.living.monthlyCents);
  const current = periodFigures({ range: period, delivery: currentDelivery, paid, artisans, livingHourlyCents });
  const previous = periodFigures({
    range: period.previous,
    delivery: previousDelivery,
    paid,
    artisans,
    livingHourlyCents,
  });

  const parts = splitByWorkshop(current.input);
  const areas = [...new Set(workshops.map((workshop) => workshop.area))].sort();
  const byArea = areas
    .map((area) => {
      const inArea = workshops.filter((workshop) => workshop.area === area);
      const input = mergeParts(
        current.input,
        inArea.flatMap((workshop) => parts.get(workshop.workshopId) ?? []),
      );
      return { area, workshops: inArea.length, figures: groupFigures(input, EVERYONE) };
    })
    .filter((row) => row.figures.paidCents > 0);
  const byWorkshop = workshops
    .flatMap((workshop) => {
      const part = parts.get(workshop.workshopId);
      return part ? [{ ...workshop, figures: groupFigures(part, EVERYONE) }] : [];
    })
    .filter((row) => row.figures.paidCents > 0)
    .sort((left, right) => right.figures.paidCents - left.figures.paidCents || left.code.localeCompare(right.code));

  const year = twelveMonthsEnding(period);
  const trend = year.months.map((month) => {
    const works = paid.filter((work) => work.month === month);
    return {
      month,
      paidCents: works.reduce((total, work) => total + work.amountCents, 0),
      artisansPaid: new Set(works.flatMap((work) => (work.artisanId ? [work.artisanId] : []))).size,
    };
  });

  const withHourly = (wage: ReferenceWage) => ({ ...wage, hourlyCents: hourlyCentsOfMonthly(wage.monthlyCents) });
  return {
    period,
    wages: { minimum: withHourly(wages.minimum), living: withHourly(wages.living) },
    makersShareTarget: MAKERS_SHARE_TARGET,
    current: current.figures,
    previous: previous.figures,
    byArea,
    byWorkshop,
    artisans: current.input.impacts as ArtisanImpact[],
    trend,
  };
}
