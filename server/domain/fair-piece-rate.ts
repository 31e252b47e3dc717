/**
 * The arithmetic of a fair piece rate, shared by the server (which renders and checks it) and the
 * product form in the browser (which recomputes it as the designer types). Pure and browser-safe.
 * Earnings are what an artisan makes working at the product's labour minutes for the standard
 * 48-hour week; the wages to compare with come from readReferenceWages (with source and date).
 */
import {
  hourlyCentsOfMonthly,
  monthlyCentsOfHourly,
  type ReferenceWage,
  type ReferenceWageKind,
} from './reference-wages';

/** The piece rate that pays `targetHourlyCents` an hour, rounded up to a whole shilling. */
export function proposePieceRateCents({
  labourMinutesPerUnit,
  targetHourlyCents,
}: {
  labourMinutesPerUnit: number;
  targetHourlyCents: number;
}): number {
  return Math.ceil((targetHourlyCents * labourMinutesPerUnit) / 60 / 100) * 100;
}

/** Cents an hour a piece rate pays at the product's labour minutes. */
export function hourlyCentsOfPieceRate({
  pieceRateCents,
  labourMinutesPerUnit,
}: {
  pieceRateCents: number;
  labourMinutesPerUnit: number;
}): number {
  return Math.round((pieceRateCents * 60) / labourMinutesPerUnit);
}

export type PieceRateStanding = 'below-minimum' | 'below-living' | 'living';

export interface WageComparison {
  kind: ReferenceWageKind;
  monthlyCents: number;
  hourlyCents: number;
  source: string;
  effectiveFrom: string;
  /** Whether the rate's monthly earnings reach this wage. */
  reached: boolean;
  /** The piece rate that would reach it at these labour minutes. */
  pieceRateToReachCents: number;
}

export interface PieceRateAssessment {
  hourlyCents: number;
  /** At the standard 48-hour week (208 hours a month). */
  monthlyCents: number;
  minimum: WageComparison;
  living: WageComparison;
  standing: PieceRateStanding;
  /** The artisan's share of the price, 0–1; null when the price is not set. */
  shareOfRetail: number | null;
  shareOfWholesale: number | null;
}

/**
 * What a piece rate means for the artisan. Null when the figures cannot be assessed yet (no
 * minutes or no rate typed), so the form shows nothing rather than a wrong figure.
 */
export function assessPieceRate({
  pieceRateCents,
  labourMinutesPerUnit,
  wholesalePriceCents,
  retailPriceCents,
  wages,
}: {
  pieceRateCents: number;
  labourMinutesPerUnit: number;
  wholesalePriceCents?: number;
  retailPriceCents?: number;
  wages: Record<ReferenceWageKind, ReferenceWage>;
}): PieceRateAssessment | null {
  if (!(labourMinutesPerUnit > 0) || !(pieceRateCents > 0)) return null;
  const hourlyCents = hourlyCentsOfPieceRate({ pieceRateCents, labourMinutesPerUnit });
  const monthlyCents = monthlyCentsOfHourly(hourlyCents);
  const compare = (wage: ReferenceWage): WageComparison => {
    const wageHourlyCents = hourlyCentsOfMonthly(wage.monthlyCents);
    return {
      kind: wage.kind,
      monthlyCents: wage.monthlyCents,
      hourlyCents: wageHourlyCents,
      source: wage.source,
      effectiveFrom: wage.effectiveFrom,
      reached: monthlyCents >= wage.monthlyCents,
      pieceRateToReachCents: proposePieceRateCents({ labourMinutesPerUnit, targetHourlyCents: wageHourlyCents }),
    };
  };
  const minimum = compare(wages.minimum);
  const living = compare(wages.living);
  const share = (price: number | undefined) => (price && price > 0 ? pieceRateCents / price : null);
  return {
    hourlyCents,
    monthlyCents,
    minimum,
    living,
    standing: !minimum.reached ? 'below-minimum' : !living.reached ? 'below-living' : 'living',
    shareOfRetail: share(retailPriceCents),
    shareOfWholesale: share(wholesalePriceCents),
  };
}

/** "1,250.50" or "KES 1250" as cents; NaN when it is not an amount (for live form figures). */
export function centsOfKesText(text: string): number {
  const cleaned = text.replace(/[,\s]/g, '').replace(/^KES/i, '');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : Number.NaN;
}
