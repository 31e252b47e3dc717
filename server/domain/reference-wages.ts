/**
 * The wages Kiwanda measures piece rates and earnings against: Kenya's statutory minimum and an
 * urban living wage. They change by law or by new research, so admins keep them as data with
 * their source and date (server/models/reference-wage.ts); the values here are what a new
 * install starts from. Money in KES cents.
 */
export const REFERENCE_WAGE_KINDS = ['minimum', 'living'] as const;
export type ReferenceWageKind = (typeof REFERENCE_WAGE_KINDS)[number];

export const REFERENCE_WAGE_LABELS: Record<ReferenceWageKind, string> = {
  minimum: 'Minimum wage',
  living: 'Living wage',
};

export interface ReferenceWage {
  kind: ReferenceWageKind;
  monthlyCents: number;
  /** Where the figure comes from, in words a reader of an impact report can check. */
  source: string;
  /** The Nairobi calendar day ("YYYY-MM-DD") from which it applies. */
  effectiveFrom: string;
}

export const DEFAULT_REFERENCE_WAGES: Record<ReferenceWageKind, ReferenceWage> = {
  minimum: {
    kind: 'minimum',
    monthlyCents: 1_611_375,
    source:
      'Kenya, general labourer in Nairobi, Mombasa and Kisumu: Regulation of Wages (General) (Amendment) Order 2024',
    effectiveFrom: '2024-11-01',
  },
  living: {
    kind: 'living',
    monthlyCents: 3_551_800,
    source: 'Global Living Wage Coalition, urban Kenya (Anker method), 2023',
    effectiveFrom: '2023-01-01',
  },
};

/** WFTO's standard working week for a living wage: at most 48 hours. */
export const STANDARD_HOURS_PER_WEEK = 48;
/** Hours in a standard month: 48 hours a week over 52 weeks, by 12 months (208). */
export const STANDARD_HOURS_PER_MONTH = (STANDARD_HOURS_PER_WEEK * 52) / 12;

/** Cents an hour that a monthly wage pays at the standard week (rounded to the cent). */
export function hourlyCentsOfMonthly(monthlyCents: number): number {
  return Math.round(monthlyCents / STANDARD_HOURS_PER_MONTH);
}

/** Cents a month that an hourly earning comes to at the standard week (rounded to the cent). */
export function monthlyCentsOfHourly(hourlyCents: number): number {
  return Math.round(hourlyCents * STANDARD_HOURS_PER_MONTH);
}
