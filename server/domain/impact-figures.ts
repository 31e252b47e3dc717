/**
 * What the impact report's figures mean: the one place each definition is written, shown on the
 * page beside its figure and in the PDF. Safe to import from the browser.
 */

/** The brand's target for the makers' share of revenue (payouts ÷ revenue of the items paid). */
export const MAKERS_SHARE_TARGET = { low: 0.2, high: 0.35 } as const;

export const IMPACT_PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type ImpactPeriodKind = (typeof IMPACT_PERIOD_KINDS)[number];

export const IMPACT_FIGURES = [
  'artisansPaid',
  'totalPaid',
  'monthlyEarnings',
  'hourlyEarnings',
  'livingWageShare',
  'makersShare',
  'weeksOfWork',
  'incomeVolatility',
  'inequality',
  'onTime',
  'inspectionPassRate',
  'daysToMoney',
] as const;
export type ImpactFigure = (typeof IMPACT_FIGURES)[number];

export const IMPACT_FIGURE_DEFINITIONS: Record<ImpactFigure, { label: string; definition: string }> = {
  artisansPaid: {
    label: 'Artisans paid',
    definition:
      'Artisans who received at least one payout (not refused by the mobile-money provider) dated in the period.',
  },
  totalPaid: {
    label: 'Total paid',
    definition:
      'Sum of the payouts dated in the period. "All" includes payouts made to a workshop as a whole; a gender column counts only payouts to artisans of that gender.',
  },
  monthlyEarnings: {
    label: 'Monthly earnings per artisan',
    definition:
      'For each artisan paid in the period: their pay in the period ÷ the number of Nairobi calendar months the period touches. Shown as the 10th percentile, median and 90th percentile across artisans.',
  },
  hourlyEarnings: {
    label: 'Effective hourly earnings',
    definition:
      'For each artisan: pay ÷ hours of labour of the units paid (units × the job’s labour minutes per unit). Median across artisans, compared with the minimum and living wage in force at the end of the period, each turned into an hourly figure at a 48-hour week (208 hours a month).',
  },
  livingWageShare: {
    label: 'Artisans at or above the living wage',
    definition: 'Share of artisans paid in the period whose effective hourly earnings reach the living wage per hour.',
  },
  makersShare: {
    label: "Makers' share of revenue",
    definition:
      'Payouts in the period ÷ revenue of the same units (units paid × the price agreed on their order line). The brand aims for 20–35 %.',
  },
  weeksOfWork: {
    label: 'Weeks of work per artisan',
    definition:
      'For each artisan paid in the period: the number of distinct weeks, among the last 13 (or 52) weeks ending with the period, in which work they were paid for was planned. Median across artisans.',
  },
  incomeVolatility: {
    label: 'Income volatility',
    definition:
      'For each artisan paid in the period: the coefficient of variation (standard deviation ÷ mean) of their pay in each of the 12 Nairobi calendar months ending with the period, months without pay counting as 0. Median across artisans.',
  },
  inequality: {
    label: 'Inequality of earnings',
    definition:
      'Gini coefficient of the artisans’ pay in the period (0 = all equal, 1 = one artisan earns everything), and the 90th percentile of monthly earnings ÷ the 10th.',
  },
  onTime: {
    label: 'On-time delivery',
    definition:
      'Orders shipped in the period on or before their ship-by date, by channel. By gender: jobs that passed inspection in the period by their due date, by the artisan’s gender.',
  },
  inspectionPassRate: {
    label: 'Inspection pass rate',
    definition: 'Units passed ÷ units inspected in the inspections of the period (re-inspections count again).',
  },
  daysToMoney: {
    label: 'Days from passed inspection to money received',
    definition:
      'For each payout dated in the period: days from the job passing inspection to the payout. Median across payouts.',
  },
};

/** The report's tables: each one is on the page, in the PDF and downloadable as CSV. */
export const IMPACT_TABLES = [
  'figures',
  'channels',
  'distribution',
  'trend',
  'areas',
  'workshops',
  'artisans',
  'history',
] as const;
export type ImpactTableId = (typeof IMPACT_TABLES)[number];

/** How a table cell's number reads: money from cents, shares, plain counts, ratios, days, weeks. */
export type ImpactCellFormat = 'text' | 'kes' | 'count' | 'percent' | 'ratio' | 'days' | 'weeks';

/** How the report names each gender (the values of ArtisanDoc.gender). */
export const GENDER_LABELS = { female: 'Women', male: 'Men', other: 'Other' } as const;
/** The same, for one artisan. */
export const GENDER_NOUNS = { female: 'Woman', male: 'Man', other: 'Other' } as const;
