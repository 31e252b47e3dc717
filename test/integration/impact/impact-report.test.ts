import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { resolveImpactPeriod } from '#server/impact/impact-period';
import { readImpactReport, type ImpactReport } from '#server/impact/read-impact-report';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedHandNetwork } from './hand-network';

const now = new Date('2026-03-04T10:00:00Z');
const february = resolveImpactPeriod({ query: { kind: 'month', month: '2026-02' }, now });

// Every expected figure below is worked out by hand from hand-network.ts; the comments show how.
describe('impact report on a hand-computed network', () => {
  let report: ImpactReport;
  let names: Awaited<ReturnType<typeof seedHandNetwork>>;
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    names = await seedHandNetwork();
    report = await readImpactReport({ period: february });
  });
  afterAll(disconnectDomainDatabase);

  it('counts artisans and money, all and by gender, against the previous month', () => {
    const { all, female, male, other } = report.current.byGender;
    // Akinyi 100 000 + 50 000, Otieno 80 000, Chebet 40 000, Mathare workshop 20 000 (cents).
    expect([all.artisansPaid, all.paidCents]).toEqual([3, 290_000]);
    expect([female.artisansPaid, female.paidCents]).toEqual([2, 190_000]);
    expect([male.artisansPaid, male.paidCents]).toEqual([1, 80_000]);
    expect([other.artisansPaid, other.paidCents, other.makersShare]).toEqual([0, 0, null]);
    expect(report.previous.range.label).toBe('Jan 2026');
    expect([report.previous.byGender.all.artisansPaid, report.previous.byGender.all.paidCents]).toEqual([1, 60_000]);
  });

  it('spreads monthly earnings and measures inequality', () => {
    const { all, female, male } = report.current.byGender;
    // Sorted 40 000, 80 000, 150 000: P10 at rank 0.2 → 48 000; P90 at rank 1.8 → 136 000.
    expect(all.monthlyEarningsCents).toEqual({ p10: 48_000, median: 80_000, p90: 136_000 });
    expect(all.p90OverP10).toBeCloseTo(136_000 / 48_000);
    // Gini: Σ(2i − n + 1)xᵢ / (n² × mean) = (−2×40 000 + 2×150 000) / (9 × 90 000).
    expect(all.gini).toBeCloseTo(220 / 810);
    expect(female.monthlyEarningsCents).toEqual({ p10: 51_000, median: 95_000, p90: 139_000 });
    expect(female.gini).toBeCloseTo(110 / 380);
    expect([male.gini, male.p90OverP10]).toEqual([0, 1]);
  });

  it('compares effective hourly earnings with the living wage', () => {
    const { all, female, male } = report.current.byGender;
    // Akinyi 150 000 for 450 min → 20 000/h; Otieno 80 000 for 1 200 min → 4 000/h; Chebet 40 000 for 600 min → 4 000/h.
    expect(report.artisans.map((row) => [row.name, row.hourlyCents])).toEqual([
      ['Akinyi Odhiambo', 20_000],
      ['Otieno Ouma', 4_000],
      ['Chebet Kiprop', 4_000],
    ]);
    // Living wage 3 551 800 a month ÷ 208 h = 17 076 an hour: only Akinyi reaches it.
    expect(report.wages.living.hourlyCents).toBe(17_076);
    expect([all.hourlyEarningsCents, all.livingWageShare]).toEqual([4_000, 1 / 3]);
    expect([female.hourlyEarningsCents, female.livingWageShare]).toEqual([12_000, 0.5]);
    expect([male.hourlyEarningsCents, male.livingWageShare]).toEqual([4_000, 0]);
  });

  it("measures the makers' share of revenue of the units paid", () => {
    const { all, female, male } = report.current.byGender;
    // Five payouts of 10 units at 20 000 each: revenue 1 000 000; 290 000 paid.
    expect([all.revenueCents, all.makersShare]).toEqual([1_000_000, 0.29]);
    expect(female.makersShare).toBeCloseTo(190_000 / 600_000);
    expect(male.makersShare).toBe(0.4);
  });

  it('counts weeks of work and income volatility over the trailing year', () => {
    const { all, female, male } = report.current.byGender;
    // Akinyi W02, W06, W07; Otieno W06 (+ 2025-W20 in the 52 weeks only); Chebet W07.
    expect([all.weeksOfWork13, all.weeksOfWork52]).toEqual([1, 2]);
    expect([female.weeksOfWork13, female.weeksOfWork52]).toEqual([2, 2]);
    expect([male.weeksOfWork13, male.weeksOfWork52]).toEqual([1, 2]);
    // CV of the 12 months Mar 2025–Feb 2026: Akinyi (60 000, 150 000, ten 0) 2.4702; Otieno (30 000,
    // 80 000, ten 0) 2.4979; Chebet (40 000, eleven 0) √11 = 3.3166.
    expect(all.incomeVolatility).toBeCloseTo(2.497933, 5);
    expect(female.incomeVolatility).toBeCloseTo((2.470231 + 3.316625) / 2, 5);
    expect(male.incomeVolatility).toBeCloseTo(2.497933, 5);
  });

  it('measures on-time delivery, inspection pass rate and days to money', () => {
    const { all, female, male } = report.current.byGender;
    expect(report.current.ordersOnTime).toEqual([
      { channel: 'web', orders: 1, onTime: 0, share: 0 },
      { channel: 'retail', orders: 1, onTime: 1, share: 1 },
      { channel: 'hq', orders: 0, onTime: 0, share: null },
    ]);
    // Jobs passed in February by their due date: all but Akinyi's second (4 of 5, the workshop's included).
    expect([all.jobsOnTime, female.jobsOnTime, male.jobsOnTime]).toEqual([0.8, 2 / 3, 1]);
    // Units passed ÷ inspected: (10 + 7 + 10 + 5) / 40; women (10 + 7 + 5) / 30.
    expect(all.inspectionPassRate).toBe(0.8);
    expect(female.inspectionPassRate).toBeCloseTo(22 / 30);
    // Days from pass to payout: 2, 1, 3, 4, 1 → median 2; women 2, 1, 4 → 2; Otieno 3.
    expect([all.daysToMoney, female.daysToMoney, male.daysToMoney]).toEqual([2, 2, 3]);
  });

  it('splits by area and workshop and keeps each artisan’s history', () => {
    expect(report.byArea.map((row) => [row.area, row.figures.artisansPaid, row.figures.paidCents])).toEqual([
      ['Kibera', 1, 150_000],
      ['Mathare', 2, 140_000],
    ]);
    expect(report.byWorkshop.map((row) => row.code)).toEqual(['KIB-001', 'MAT-001']);
    const akinyi = report.artisans.find((row) => row.artisanId === String(names.akinyi._id));
    expect(akinyi?.history.slice(-2)).toEqual([
      { month: '2026-01', paidCents: 60_000 },
      { month: '2026-02', paidCents: 150_000 },
    ]);
    expect(report.trend.find((row) => row.month === '2025-05')).toEqual({
      month: '2025-05',
      paidCents: 30_000,
      artisansPaid: 1,
    });
  });

  it('names the field of a period it cannot read', () => {
    expect(() => resolveImpactPeriod({ query: { kind: 'quarter' }, now })).toThrow(/quarter/);
    expect(() => resolveImpactPeriod({ query: { kind: 'custom', from: '2026-02-30', to: '2026-03-01' }, now })).toThrow(
      /from/,
    );
    const custom = resolveImpactPeriod({ query: { kind: 'custom', from: '2026-02-01', to: '2026-02-10' }, now });
    expect(custom.previous.label).toBe('2026-01-22 to 2026-01-31');
  });
});
