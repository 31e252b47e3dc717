import { describe, expect, it } from 'vitest';

import { gridlines } from './pdf-drawing.server';

describe('a PDF chart’s gridlines', () => {
  it('fall on round values up to a round top at or above the largest value', () => {
    expect(gridlines({ max: 36_712, wholeNumbers: false })).toEqual({
      top: 40_000,
      ticks: [0, 10_000, 20_000, 30_000, 40_000],
    });
    expect(gridlines({ max: 2_633, wholeNumbers: false })).toEqual({ top: 3_000, ticks: [0, 1_000, 2_000, 3_000] });
  });

  it('count whole artisans only: no gridline between two counts', () => {
    expect(gridlines({ max: 2, wholeNumbers: false }).ticks).toContain(0.5);
    expect(gridlines({ max: 2, wholeNumbers: true })).toEqual({ top: 2, ticks: [0, 1, 2] });
    expect(gridlines({ max: 3, wholeNumbers: true })).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
  });
});
