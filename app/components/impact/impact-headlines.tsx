import { MAKERS_SHARE_TARGET } from '#server/domain/impact-figures';
import type { GroupFigures } from '#server/impact/group-figures';
import type { GenderSplit } from '#server/impact/read-impact-report';

import { formatCount, formatKes, formatPercent } from '../../format';
import { KpiCard, type KpiTone } from '../kpi-card';

/** "+12 % on Jan 2026" — the change against the previous period, when there is one to compare. */
function change(current: number | null, previous: number | null, label: string): string {
  if (current === null || previous === null || previous === 0) return `no figure for ${label}`;
  const delta = current / previous - 1;
  return `${delta >= 0 ? '+' : ''}${formatPercent(delta)} on ${label}`;
}

const shareText = (value: number | null) => (value === null ? '–' : formatPercent(value));

/** The six figures a manager reads first, each with its change on the previous period. */
export function ImpactHeadlines({
  current,
  previous,
  previousLabel,
}: {
  current: GenderSplit;
  previous: GroupFigures;
  previousLabel: string;
}) {
  const { all, female } = current;
  const womenShare = all.artisansPaid > 0 ? female.artisansPaid / all.artisansPaid : null;
  const share = all.makersShare;
  const shareTone: KpiTone =
    share === null
      ? 'neutral'
      : share >= MAKERS_SHARE_TARGET.low && share <= MAKERS_SHARE_TARGET.high
        ? 'good'
        : 'warn';
  return (
    <section className="kpi-grid" aria-label="Headline figures">
      <KpiCard
        testId="impact-artisans-paid"
        label="Artisans paid"
        value={formatCount(all.artisansPaid)}
        hint={`${shareText(womenShare)} women · ${change(all.artisansPaid, previous.artisansPaid, previousLabel)}`}
      />
      <KpiCard
        testId="impact-total-paid"
        label="Total paid"
        value={formatKes(all.paidCents)}
        hint={change(all.paidCents, previous.paidCents, previousLabel)}
      />
      <KpiCard
        testId="impact-median-monthly"
        label="Median monthly earnings"
        value={all.monthlyEarningsCents.median === null ? '–' : formatKes(all.monthlyEarningsCents.median)}
        hint={`Women ${female.monthlyEarningsCents.median === null ? '–' : formatKes(female.monthlyEarningsCents.median)} · ${change(all.monthlyEarningsCents.median, previous.monthlyEarningsCents.median, previousLabel)}`}
      />
      <KpiCard
        testId="impact-makers-share"
        label="Makers' share of revenue"
        value={shareText(share)}
        tone={shareTone}
        hint={`Target ${formatPercent(MAKERS_SHARE_TARGET.low)}–${formatPercent(MAKERS_SHARE_TARGET.high)} · ${previousLabel}: ${shareText(previous.makersShare)}`}
      />
      <KpiCard
        testId="impact-living-wage"
        label="At or above the living wage"
        value={shareText(all.livingWageShare)}
        hint={`Women ${shareText(female.livingWageShare)} · ${previousLabel}: ${shareText(previous.livingWageShare)}`}
      />
      <KpiCard
        testId="impact-on-time"
        label="Jobs passed on time"
        value={shareText(all.jobsOnTime)}
        hint={`Inspection pass rate ${shareText(all.inspectionPassRate)}`}
      />
    </section>
  );
}
