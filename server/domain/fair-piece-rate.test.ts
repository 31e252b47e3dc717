import { describe, expect, it } from 'vitest';

import { assessPieceRate, centsOfKesText, proposePieceRateCents } from './fair-piece-rate';
import { DEFAULT_REFERENCE_WAGES } from './reference-wages';

const wages = DEFAULT_REFERENCE_WAGES;

describe('fair piece rate arithmetic', () => {
  it('proposes the rate that pays a target hourly earning, rounded up to a shilling', () => {
    // The living wage is KES 35,518 a month: KES 170.76 an hour at 208 hours.
    expect(proposePieceRateCents({ labourMinutesPerUnit: 60, targetHourlyCents: 17_076 })).toBe(17_100);
    expect(proposePieceRateCents({ labourMinutesPerUnit: 45, targetHourlyCents: 17_076 })).toBe(12_900);
    expect(proposePieceRateCents({ labourMinutesPerUnit: 30, targetHourlyCents: 10_000 })).toBe(5_000);
  });

  it('puts a rate against the minimum and living wage at the 48-hour week', () => {
    const living = assessPieceRate({
      pieceRateCents: 17_100,
      labourMinutesPerUnit: 60,
      wholesalePriceCents: 325_000,
      retailPriceCents: 650_000,
      wages,
    });
    expect(living).toMatchObject({
      hourlyCents: 17_100,
      monthlyCents: 3_556_800,
      standing: 'living',
      minimum: { reached: true, hourlyCents: 7_747, source: wages.minimum.source, effectiveFrom: '2024-11-01' },
      living: { reached: true, hourlyCents: 17_076, pieceRateToReachCents: 17_100 },
    });
    expect(living?.shareOfRetail).toBeCloseTo(17_100 / 650_000);
    expect(living?.shareOfWholesale).toBeCloseTo(17_100 / 325_000);

    const oneShillingShort = assessPieceRate({ pieceRateCents: 17_000, labourMinutesPerUnit: 60, wages });
    expect(oneShillingShort).toMatchObject({ standing: 'below-living', shareOfRetail: null });
    expect(assessPieceRate({ pieceRateCents: 7_000, labourMinutesPerUnit: 60, wages })?.standing).toBe('below-minimum');
    expect(assessPieceRate({ pieceRateCents: 7_000, labourMinutesPerUnit: 0, wages })).toBeNull();
  });

  it('reads amounts typed in KES', () => {
    expect(centsOfKesText('1,250.50')).toBe(125_050);
    expect(centsOfKesText('KES 600')).toBe(60_000);
    expect(centsOfKesText('12,5O')).toBeNaN();
  });
});
