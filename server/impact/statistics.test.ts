import { describe, expect, it } from 'vitest';

import { coefficientOfVariation, gini, p90OverP10, quantile, spreadOf } from './statistics';

describe('impact statistics', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([40, 10, 30, 20], 0.5)).toBe(25);
    // (4 − 1) × 0.1 = 0.3 of the way from 10 to 20.
    expect(quantile([10, 20, 30, 40], 0.1)).toBeCloseTo(13);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('selects the same quantiles a full sort gives, with ties and any order', () => {
    const sortedQuantile = (values: number[], q: number) => {
      const sorted = [...values].sort((left, right) => left - right);
      const position = (sorted.length - 1) * q;
      const below = Math.floor(position);
      return sorted[below] + (sorted[Math.ceil(position)] - sorted[below]) * (position - below);
    };
    let state = 7;
    const next = () => (state = (state * 48_271) % 2_147_483_647);
    for (const length of [1, 2, 3, 10, 101, 1_000]) {
      for (const spread of [3, 1_000]) {
        const values = Array.from({ length }, () => (next() % spread) / 4);
        for (const q of [0, 0.1, 0.25, 0.5, 0.9, 1]) expect(quantile(values, q)).toBe(sortedQuantile(values, q));
      }
    }
  });

  it('computes Gini from pairwise differences', () => {
    expect(gini([5, 5, 5])).toBe(0);
    // Pairs |0−0|,|0−10|,|10−0|,|10−10| sum to 20; 20 / (2 × 2² × 5) = 0.5.
    expect(gini([0, 10])).toBe(0.5);
    // 1,2,3: Σ|xi−xj| = 8; 8 / (2 × 9 × 2) = 0.2222…
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9);
  });

  it('computes the coefficient of variation with the population deviation', () => {
    // Mean 4, deviations ±2 → σ 2 → CV 0.5.
    expect(coefficientOfVariation([2, 6])).toBe(0.5);
    expect(coefficientOfVariation([3])).toBeNull();
  });

  it('divides P90 by P10 only when P10 is positive', () => {
    expect(p90OverP10(spreadOf([0, 0, 10]))).toBeNull();
    expect(p90OverP10({ p10: 10, median: 20, p90: 50 })).toBe(5);
  });
});
