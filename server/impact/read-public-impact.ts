import { nairobiCalendarDay, nairobiDate, nairobiDateString } from '../domain/weeks';
import { resolveImpactPeriod } from './impact-period';
import { readImpactReport } from './read-impact-report';

/** An area is shown on its own only with at least this many artisans paid, so nobody is identifiable. */
export const PUBLIC_MIN_ARTISANS = 5;

export interface PublicImpact {
  periodLabel: string;
  artisansPaid: number;
  womenShare: number | null;
  makersShare: number | null;
  livingWageShare: number | null;
  medianMonthlyCents: number | null;
  /** Areas with at least PUBLIC_MIN_ARTISANS artisans paid; the rest are counted together. */
  areas: { area: string; artisansPaid: number; medianMonthlyCents: number | null }[];
  otherAreasArtisans: number;
}

/**
 * The brand's public figures: the last twelve whole Nairobi months, aggregates only (no names,
 * no workshop, no area with fewer than five artisans paid).
 */
export async function readPublicImpact({ now }: { now: Date }): Promise<PublicImpact> {
  const today = nairobiCalendarDay(now);
  const to = nairobiDate({ year: today.year, month: today.month, day: 0 });
  const from = nairobiDate({ year: today.year - 1, month: today.month, day: 1 });
  const period = resolveImpactPeriod({
    query: { kind: 'custom', from: nairobiDateString(from), to: nairobiDateString(to) },
    now,
  });
  const report = await readImpactReport({ period });
  const { all, female } = report.current.byGender;
  const shown = report.byArea.filter((row) => row.figures.artisansPaid >= PUBLIC_MIN_ARTISANS);
  return {
    periodLabel: `${nairobiDateString(from).slice(0, 7)} to ${nairobiDateString(to).slice(0, 7)}`,
    artisansPaid: all.artisansPaid,
    womenShare: all.artisansPaid > 0 ? female.artisansPaid / all.artisansPaid : null,
    makersShare: all.makersShare,
    livingWageShare: all.livingWageShare,
    medianMonthlyCents: all.monthlyEarningsCents.median,
    areas: shown.map((row) => ({
      area: row.area,
      artisansPaid: row.figures.artisansPaid,
      medianMonthlyCents: row.figures.monthlyEarningsCents.median,
    })),
    otherAreasArtisans: all.artisansPaid - shown.reduce((sum, row) => sum + row.figures.artisansPaid, 0),
  };
}
