import { isoWeekLabel, shiftWeekLabel, weekRange } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { monthsOf, twelveMonthsEnding, type ImpactRange } from './impact-period';
import { type ArtisanFacts, type PaidDay } from './read-paid-days';
import { coefficientOfVariation } from './statistics';

/** One artisan's figures for a period: the rows of the drill-down and what group figures are made of. */
export interface ArtisanImpact {
  artisanId: string;
  name: string;
  gender: Gender;
  workshopId: string;
  paidCents: number;
  labourMinutes: number;
  revenueCents: number;
  /** Pay in the period ÷ the calendar months it touches. */
  monthlyCents: number;
  /** Pay ÷ labour hours of the units paid; null when the units carry no labour minutes. */
  hourlyCents: number | null;
  weeksOfWork13: number;
  weeksOfWork52: number;
  /** CV of pay over the 12 months ending with the period. */
  volatility: number | null;
  /** Pay in each of the 12 months ending with the period, oldest first. */
  history: { month: string; paidCents: number }[];
}

/** The weeks of the last `count` ending with the week holding the range's last instant. */
export function trailingWeeks(range: { to: Date }, count: number): Set<string> {
  const last = isoWeekLabel(new Date(range.to.getTime() - 1));
  return new Set(weekRange(shiftWeekLabel(last, -(count - 1)), count).map((week) => week.label));
}

/**
 * Every artisan paid in `range`, from the payouts of a window that also holds the 52 weeks and
 * 12 months before the range's end (`paid` may hold more; each figure takes what it needs).
 */
export function artisanImpacts({
  range,
  paid,
  artisans,
}: {
  range: ImpactRange;
  paid: readonly PaidDay[];
  artisans: ReadonlyMap<string, ArtisanFacts>;
}): ArtisanImpact[] {
  const months = monthsOf(range).length;
  const year = twelveMonthsEnding(range);
  const weeks13 = trailingWeeks(range, 13);
  const weeks52 = trailingWeeks(range, 52);
  const byArtisan = new Map<string, PaidDay[]>();
  for (const work of paid) {
    if (!work.artisanId) continue;
    const list = byArtisan.get(work.artisanId) ?? [];
    list.push(work);
    byArtisan.set(work.artisanId, list);
  }

  const impacts: ArtisanImpact[] = [];
  for (const [artisanId, works] of byArtisan) {
    const artisan = artisans.get(artisanId);
    const inRange = works.filter((work) => work.day >= range.from && work.day < range.to);
    if (!artisan || inRange.length === 0) continue;
    const paidCents = inRange.reduce((total, work) => total + work.amountCents, 0);
    const labourMinutes = inRange.reduce((total, work) => total + work.labourMinutes, 0);
    const byMonth = new Map<string, number>();
    for (const work of works) {
      if (work.day < year.from || work.day >= year.to) continue;
      byMonth.set(work.month, (byMonth.get(work.month) ?? 0) + work.amountCents);
    }
    const history = year.months.map((month) => ({ month, paidCents: byMonth.get(month) ?? 0 }));
    const weeksIn = (set: Set<string>) =>
      new Set(works.flatMap((work) => (work.day < range.to ? work.weeks.filter((week) => set.has(week)) : []))).size;
    impacts.push({
      ...artisan,
      paidCents,
      labourMinutes,
      revenueCents: inRange.reduce((total, work) => total + work.revenueCents, 0),
      monthlyCents: Math.round(paidCents / months),
      hourlyCents: labourMinutes > 0 ? Math.round((paidCents * 60) / labourMinutes) : null,
      weeksOfWork13: weeksIn(weeks13),
      weeksOfWork52: weeksIn(weeks52),
      volatility: coefficientOfVariation(history.map((entry) => entry.paidCents)),
      history,
    });
  }
  return impacts.sort((left, right) => right.paidCents - left.paidCents || left.name.localeCompare(right.name));
}
