import { type WorkshopEarningsRate } from './earnings-per-capacity-hour';

/** One workshop's earnings per capacity-hour, as the proposal page lists it. */
export interface EarningsChartEntry {
  code: string;
  skill: string;
  centsPerHour: number;
  earningsCents: number;
  capacityHours: number;
}

/** The lowest, median and highest rate among the workshops of one skill. */
export interface EarningsSkillSpread {
  skill: string;
  workshops: number;
  lowest: number;
  median: number;
  highest: number;
}

/**
 * What the proposal page's earnings chart shows, and no more: a bar per workshop (its code and
 * rate), the spread within each skill, and the highest and lowest workshops in full. A network's
 * few hundred workshops in full would be most of every plan page's data, for ten rows of a table.
 */
export interface EarningsChart {
  /** Every workshop, highest rate first. */
  bars: { code: string; centsPerHour: number }[];
  /** Best-paid skill (by median) first. */
  bySkill: EarningsSkillSpread[];
  /** The highest and the lowest LISTED_AT_EACH_END workshops, or every one when there are few. */
  listed: EarningsChartEntry[];
  /** Where in `listed` the lowest begin when workshops between were left out, else null. */
  gapBefore: number | null;
}

const LISTED_AT_EACH_END = 5;

/** Lowest, median and highest rate among the workshops of each skill, best-paid skill first. */
function spreadBySkill(rates: readonly EarningsChartEntry[]): EarningsSkillSpread[] {
  const bySkill = new Map<string, number[]>();
  for (const rate of rates) bySkill.set(rate.skill, [...(bySkill.get(rate.skill) ?? []), rate.centsPerHour]);
  return [...bySkill.entries()]
    .map(([skill, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        skill,
        workshops: sorted.length,
        lowest: sorted[0],
        median: sorted[Math.floor((sorted.length - 1) / 2)],
        highest: sorted[sorted.length - 1],
      };
    })
    .sort((left, right) => right.median - left.median);
}

/** The chart of a plan's rates (highest first, as earningsPerCapacityHour gives them). */
export function earningsChartOf(rates: readonly WorkshopEarningsRate[]): EarningsChart {
  const entries = rates.map(({ code, skill, centsPerHour, earningsCents, capacityHours }) => ({
    code,
    skill,
    centsPerHour,
    earningsCents,
    capacityHours: Math.round(capacityHours * 10) / 10,
  }));
  const all = entries.length <= LISTED_AT_EACH_END * 2;
  return {
    bars: entries.map(({ code, centsPerHour }) => ({ code, centsPerHour })),
    bySkill: spreadBySkill(entries),
    listed: all ? entries : [...entries.slice(0, LISTED_AT_EACH_END), ...entries.slice(-LISTED_AT_EACH_END)],
    gapBefore: all ? null : LISTED_AT_EACH_END,
  };
}
