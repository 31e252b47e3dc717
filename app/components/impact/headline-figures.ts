import { MAKERS_SHARE_TARGET } from '#server/domain/impact-figures';
import type { GroupFigures } from '#server/impact/group-figures';
import type { GenderSplit } from '#server/impact/read-impact-report';

import { formatCount, formatKes, formatPercent } from '../../format';

export type HeadlineTone = 'neutral' | 'good' | 'warn';

export interface HeadlineFigure {
  id: string;
  label: string;
  value: string;
  hint: string;
  tone: HeadlineTone;
}

/** "+12 % on Jan 2026": the change against the previous period, when there is one to compare. */
function change(current: number | null, previous: number | null, label: string): string {
  if (current === null || previous === null || previous === 0) return `no figure for ${label}`;
  const delta = current / previous - 1;
  return `${delta >= 0 ? '+' : ''}${formatPercent(delta)} on ${label}`;
}

const shareText = (value: number | null) => (value === null ? '–' : formatPercent(value));
const kesText = (cents: number | null) => (cents === null ? '–' : formatKes(cents));

/** The six figures a reader sees first, on the page and on the PDF's first page. */
export function headlineFigures({
  current,
  previous,
  previousLabel,
}: {
  current: GenderSplit;
  previous: GroupFigures;
  previousLabel: string;
}): HeadlineFigure[] {
  const { all, female } = current;
  const share = all.makersShare;
  return [
    {
      id: 'artisans-paid',
      label: 'Artisans paid',
      value: formatCount(all.artisansPaid),
      hint: `${shareText(all.artisansPaid > 0 ? female.artisansPaid / all.artisansPaid : null)} women · ${change(all.artisansPaid, previous.artisansPaid, previousLabel)}`,
      tone: 'neutral',
    },
    {
      id: 'total-paid',
      label: 'Total paid',
      value: formatKes(all.paidCents),
      hint: change(all.paidCents, previous.paidCents, previousLabel),
      tone: 'neutral',
    },
    {
      id: 'median-monthly',
      label: 'Median monthly earnings',
      value: kesText(all.monthlyEarningsCents.median),
      hint: `Women ${kesText(female.monthlyEarningsCents.median)} · ${change(all.monthlyEarningsCents.median, previous.monthlyEarningsCents.median, previousLabel)}`,
      tone: 'neutral',
    },
    {
      id: 'makers-share',
      label: "Makers' share of revenue",
      value: shareText(share),
      hint: `Target ${formatPercent(MAKERS_SHARE_TARGET.low)}–${formatPercent(MAKERS_SHARE_TARGET.high)} · ${previousLabel}: ${shareText(previous.makersShare)}`,
      tone:
        share === null
          ? 'neutral'
          : share >= MAKERS_SHARE_TARGET.low && share <= MAKERS_SHARE_TARGET.high
            ? 'good'
            : 'warn',
    },
    {
      id: 'living-wage',
      label: 'At or above the living wage',
      value: shareText(all.livingWageShare),
      hint: `Women ${shareText(female.livingWageShare)} · ${previousLabel}: ${shareText(previous.livingWageShare)}`,
      tone: 'neutral',
    },
    {
      id: 'on-time',
      label: 'Jobs passed on time',
      value: shareText(all.jobsOnTime),
      hint: `Inspection pass rate ${shareText(all.inspectionPassRate)}`,
      tone: 'neutral',
    },
  ];
}
