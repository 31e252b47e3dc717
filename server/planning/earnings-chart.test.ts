import { describe, expect, it } from 'vitest';

import { earningsChartOf } from './earnings-chart';
import { type WorkshopEarningsRate } from './earnings-per-capacity-hour';

/** Rates highest first, as earningsPerCapacityHour gives them. */
function rates(entries: [code: string, skill: string, centsPerHour: number][]): WorkshopEarningsRate[] {
  return entries.map(([code, skill, centsPerHour], index) => ({
    workshopId: `w${index}`,
    code,
    skill,
    centsPerHour,
    earningsCents: centsPerHour * 10,
    capacityHours: 10.04,
  }));
}

describe('the proposal page’s earnings chart', () => {
  it('lists every workshop when there are few, with no gap', () => {
    const chart = earningsChartOf(
      rates([
        ['KIB-001', 'brass-casting', 500],
        ['KIB-002', 'horn-carving', 300],
      ]),
    );
    expect(chart.bars).toEqual([
      { code: 'KIB-001', centsPerHour: 500 },
      { code: 'KIB-002', centsPerHour: 300 },
    ]);
    expect(chart.listed).toEqual([
      { code: 'KIB-001', skill: 'brass-casting', centsPerHour: 500, earningsCents: 5000, capacityHours: 10 },
      { code: 'KIB-002', skill: 'horn-carving', centsPerHour: 300, earningsCents: 3000, capacityHours: 10 },
    ]);
    expect(chart.gapBefore).toBeNull();
  });

  it('sends a bar per workshop but lists only the five highest and five lowest in full', () => {
    const many = rates(
      Array.from({ length: 12 }, (_, index) => [`W-${100 + index}`, 'brass-casting', 1_200 - index * 100]),
    );
    const chart = earningsChartOf(many);
    expect(chart.bars).toHaveLength(12);
    expect(chart.listed.map((entry) => entry.code)).toEqual([
      'W-100',
      'W-101',
      'W-102',
      'W-103',
      'W-104',
      'W-107',
      'W-108',
      'W-109',
      'W-110',
      'W-111',
    ]);
    expect(chart.gapBefore).toBe(5);
  });

  it('gives the lowest, median and highest rate of each skill, best-paid skill first', () => {
    const chart = earningsChartOf(
      rates([
        ['A', 'horn-carving', 900],
        ['B', 'brass-casting', 800],
        ['C', 'brass-casting', 700],
        ['D', 'brass-casting', 100],
        ['E', 'horn-carving', 50],
      ]),
    );
    expect(chart.bySkill).toEqual([
      { skill: 'brass-casting', workshops: 3, lowest: 100, median: 700, highest: 800 },
      { skill: 'horn-carving', workshops: 2, lowest: 50, median: 50, highest: 900 },
    ]);
  });
});
