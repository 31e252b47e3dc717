import { Artisan, GENDERS, type Gender } from '../../models/artisan';
import { Workshop } from '../../models/workshop';
import { validateImpactPeriod, type ImpactPeriod, type ImpactPeriodInput } from './impact-period';
import { readArtisanEarnings, type ArtisanEarnings } from './read-artisan-earnings';
import { readOnTime, readPaidByWorkshop, readShippedRevenue } from './read-delivery-and-revenue';

export interface Spread {
  p10: number;
  median: number;
  p90: number;
  mean: number;
}

export interface ImpactReport {
  period: ImpactPeriod;
  totals: {
    paidCents: number;
    artisansPaid: number;
    revenueCents: number;
    /** Share of shipped revenue paid out to artisans and workshops (0–1); null without revenue. */
    wageShare: number | null;
    jobsPassed: number;
    /** Share of jobs passed by their due date (0–1); null when no job passed. */
    onTimeRate: number | null;
  };
  byGender: {
    gender: Gender;
    activeArtisans: number;
    artisansPaid: number;
    paidCents: number;
    meanPerPaidArtisanCents: number;
  }[];
  byWorkshop: {
    workshopId: string;
    code: string;
    name: string;
    area: string;
    artisansPaid: number;
    paidCents: number;
  }[];
  earningsPerArtisanCents: Spread;
  weeksWithWorkPerArtisan: Spread & { histogram: { weeks: number; artisans: number }[] };
  perArtisan: ArtisanEarnings[];
}

function spreadOf(values: number[]): Spread {
  if (values.length === 0) return { p10: 0, median: 0, p90: 0, mean: 0 };
  const sorted = [...values].sort((left, right) => left - right);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  return {
    p10: at(0.1),
    median: at(0.5),
    p90: at(0.9),
    mean: Math.round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
  };
}

/**
 * The manager's impact view of a period: who was paid and how much, by gender and workshop, the
 * share of revenue that reached the makers, on-time delivery and how regular the work was.
 */
export async function readImpactReport(input: ImpactPeriodInput): Promise<ImpactReport> {
  const period = validateImpactPeriod(input);
  const [perArtisan, paidByWorkshop, revenueCents, onTime, workshops, activeByGender] = await Promise.all([
    readArtisanEarnings(period),
    readPaidByWorkshop(period),
    readShippedRevenue(period),
    readOnTime(period),
    Workshop.find({}, { code: 1, name: 1, area: 1 }).lean(),
    Artisan.aggregate<{ _id: Gender; count: number }>([
      { $match: { status: 'active' } },
      { $group: { _id: '$gender', count: { $sum: 1 } } },
    ]),
  ]);

  const paidCents = [...paidByWorkshop.values()].reduce((sum, cents) => sum + cents, 0);
  const byGender = GENDERS.map((gender) => {
    const paid = perArtisan.filter((artisan) => artisan.gender === gender);
    const cents = paid.reduce((sum, artisan) => sum + artisan.paidCents, 0);
    return {
      gender,
      activeArtisans: activeByGender.find((row) => row._id === gender)?.count ?? 0,
      artisansPaid: paid.length,
      paidCents: cents,
      meanPerPaidArtisanCents: paid.length ? Math.round(cents / paid.length) : 0,
    };
  });
  const artisansPaidByWorkshop = new Map<string, number>();
  for (const artisan of perArtisan) {
    artisansPaidByWorkshop.set(artisan.workshopId, (artisansPaidByWorkshop.get(artisan.workshopId) ?? 0) + 1);
  }
  const byWorkshop = workshops
    .map((workshop) => ({
      workshopId: String(workshop._id),
      code: workshop.code,
      name: workshop.name,
      area: workshop.area,
      artisansPaid: artisansPaidByWorkshop.get(String(workshop._id)) ?? 0,
      paidCents: paidByWorkshop.get(String(workshop._id)) ?? 0,
    }))
    .sort((left, right) => right.paidCents - left.paidCents || left.code.localeCompare(right.code));

  const weeks = perArtisan.map((artisan) => artisan.weeksWithWork);
  const histogram = new Map<number, number>();
  for (const count of weeks) histogram.set(count, (histogram.get(count) ?? 0) + 1);

  return {
    period,
    totals: {
      paidCents,
      artisansPaid: perArtisan.length,
      revenueCents,
      wageShare: revenueCents > 0 ? paidCents / revenueCents : null,
      jobsPassed: onTime.jobs,
      onTimeRate: onTime.jobs > 0 ? onTime.onTime / onTime.jobs : null,
    },
    byGender,
    byWorkshop,
    earningsPerArtisanCents: spreadOf(perArtisan.map((artisan) => artisan.paidCents)),
    weeksWithWorkPerArtisan: {
      ...spreadOf(weeks),
      histogram: [...histogram.entries()]
        .map(([count, artisans]) => ({ weeks: count, artisans }))
        .sort((a, b) => a.weeks - b.weeks),
    },
    perArtisan: perArtisan.sort(
      (left, right) => right.paidCents - left.paidCents || left.artisanId.localeCompare(right.artisanId),
    ),
  };
}
