import { isoWeekLabel, shiftWeekLabel, weekRange, weekStartOfLabel } from '../domain/weeks';
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

const WEEK_MS = 7 * 86_400_000;
const weekNumbers = new Map<string, number>();

/**
 * A planned week as a number, consecutive weeks differing by one, so a report tests "within the
 * last 52 weeks" by subtraction. Labels are few (one per week of history): each is converted once.
 */
export function weekNumberOf(label: string): number {
  let number = weekNumbers.get(label);
  if (number === undefined) weekNumbers.set(label, (number = Math.round(weekStartOfLabel(label).getTime() / WEEK_MS)));
  return number;
}

/** The weeks of the last `count` ending with the week holding the range's last instant. */
export function trailingWeeks(range: { to: Date }, count: number): Set<string> {
  const last = isoWeekLabel(new Date(range.to.getTime() - 1));
  return new Set(weekRange(shiftWeekLabel(last, -(count - 1)), count).map((week) => week.label));
}

/** The rows naming an artisan, by artisan: grouped once for every period a report computes. */
export function paidByArtisan(paid: readonly PaidDay[]): Map<string, PaidDay[]> {
  const byArtisan = new Map<string, PaidDay[]>();
  for (const work of paid) {
    if (!work.artisanId) continue;
    let list = byArtisan.get(work.artisanId);
    if (!list) byArtisan.set(work.artisanId, (list = []));
    list.push(work);
  }
  return byArtisan;
}

/**
 * Every artisan paid in `range`, from the payouts (by artisan, see paidByArtisan) of a window that
 * also holds the 52 weeks and 12 months before the range's end (it may hold more; each figure
 * takes what it needs). Each artisan's rows are walked once, summing in their order.
 */
export function artisanImpacts({
  range,
  paid,
  artisans,
}: {
  range: ImpactRange;
  paid: ReadonlyMap<string, readonly PaidDay[]>;
  artisans: ReadonlyMap<string, ArtisanFacts>;
}): ArtisanImpact[] {
  const months = monthsOf(range).length;
  const year = twelveMonthsEnding(range);
  // Weeks back from the one holding the range's last instant: 0–12 are the trailing 13, 0–51 the 52.
  const lastWeek = weekNumberOf(isoWeekLabel(new Date(range.to.getTime() - 1)));
  // Which artisan last counted each week back: no set to build per artisan.
  const countedBy = new Int32Array(52).fill(-1);
  let ordinal = 0;

  // NOTE: instants compared as numbers: comparing Date objects converts both on every test,
  // which over every row of a year dominated the report's time.
  const from = range.from.getTime();
  const to = range.to.getTime();
  const yearFrom = year.from.getTime();
  const yearTo = year.to.getTime();
  const monthIndex = new Map(year.months.map((month, index) => [month, index]));

  const impacts: ArtisanImpact[] = [];
  for (const [artisanId, works] of paid) {
    const artisan = artisans.get(artisanId);
    if (!artisan) continue;
    let paidInRange = 0;
    let paidCents = 0;
    let labourMinutes = 0;
    let revenueCents = 0;
    const byMonth = new Array<number>(year.months.length).fill(0);
    let worked13 = 0;
    let worked52 = 0;
    ordinal += 1;
    for (const work of works) {
      const day = work.day.getTime();
      if (day >= from && day < to) {
        paidInRange += 1;
        paidCents += work.amountCents;
        labourMinutes += work.labourMinutes;
        revenueCents += work.revenueCents;
      }
      if (day >= yearFrom && day < yearTo) {
        const index = monthIndex.get(work.month);
        if (index !== undefined) byMonth[index] += work.amountCents;
      }
      if (day < to) {
        for (const week of work.weekNumbers) {
          const back = lastWeek - week;
          if (back < 0 || back >= 52 || countedBy[back] === ordinal) continue;
          countedBy[back] = ordinal;
          worked52 += 1;
          if (back < 13) worked13 += 1;
        }
      }
    }
    if (paidInRange === 0) continue;
    const history = year.months.map((month, index) => ({ month, paidCents: byMonth[index] }));
    impacts.push({
      ...artisan,
      paidCents,
      labourMinutes,
      revenueCents,
      monthlyCents: Math.round(paidCents / months),
      hourlyCents: labourMinutes > 0 ? Math.round((paidCents * 60) / labourMinutes) : null,
      weeksOfWork13: worked13,
      weeksOfWork52: worked52,
      volatility: coefficientOfVariation(byMonth),
      history,
    });
  }
  return impacts.sort((left, right) => right.paidCents - left.paidCents || left.name.localeCompare(right.name));
}
