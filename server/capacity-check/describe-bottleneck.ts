import { SKILL_LABELS, type Skill } from '../domain/skills';
import { workingDaysLabel } from './check-calendar';
import { type CheckLine } from './check-question';
import { type CheckNetwork } from './read-check-network';
import { type ServedDemand } from './serve-new-demand';

/** A skill-week at or above this share of its working time counts as full. */
const FULL_SHARE = 0.95;

export interface Bottleneck {
  skill: Skill;
  workshops: number;
  loadPercent: number;
  /** "3–14 Aug". */
  days: string;
  /** "brass casting: 8 workshops, 97% loaded 3–14 Aug". */
  text: string;
  /** True when it keeps some of what was asked from being made by the date. */
  binding: boolean;
}

/**
 * The skill that limits the answer, in the designer's words: the skill of the lines that fall
 * short (most minutes short first), or, when everything fits, the busiest skill the launch uses;
 * with its workshops and how loaded they are in their fullest weeks up to the date.
 */
export function describeBottleneck({
  network,
  served,
  lines,
  lastWeek,
}: {
  network: CheckNetwork;
  served: ServedDemand;
  lines: readonly CheckLine[];
  lastWeek: number;
}): Bottleneck | null {
  if (lastWeek < 0) return null;
  const skills = [...new Set(lines.map((line) => line.product.skill))];
  const shortOf = (skill: Skill) =>
    lines.reduce(
      (sum, line, i) =>
        line.product.skill === skill
          ? sum + Math.max(0, line.quantity - served.lines[i].units) * line.product.minutesPerUnit
          : sum,
      0,
    );
  const loads = skills.map((skill) => ({
    skill,
    short: shortOf(skill),
    ...skillLoad({ network, served, skill, lastWeek }),
  }));
  loads.sort((a, b) => b.short - a.short || b.percent - a.percent);
  const [top] = loads;
  if (!top || top.workshops === 0 || top.weeks.length === 0) return null;
  const startDay = Date.parse(`${network.horizon.startDate}T00:00:00Z`) / 86_400_000;
  const days = workingDaysLabel({ startDay, first: top.weeks[0], last: top.weeks[top.weeks.length - 1] });
  const loadPercent = Math.round(top.percent * 100);
  const label = SKILL_LABELS[top.skill].toLowerCase();
  return {
    skill: top.skill,
    workshops: top.workshops,
    loadPercent,
    days,
    text: `${label}: ${top.workshops} workshop${top.workshops === 1 ? '' : 's'}, ${loadPercent}% loaded ${days}`,
    binding: top.short > 0,
  };
}

/** Load of the workshops with `skill` in its fullest weeks up to `lastWeek`. */
function skillLoad({
  network,
  served,
  skill,
  lastWeek,
}: {
  network: CheckNetwork;
  served: ServedDemand;
  skill: Skill;
  lastWeek: number;
}): { workshops: number; weeks: number[]; percent: number } {
  const pools = served.pools.filter((pool) => pool.skills.includes(skill));
  const workshops = pools.reduce((sum, pool) => sum + pool.workshopIds.length, 0);
  const available = new Array<number>(lastWeek + 1).fill(0);
  const used = new Array<number>(lastWeek + 1).fill(0);
  for (const pool of pools) {
    for (let week = 0; week <= lastWeek; week++) {
      const total = pool.workshopIds.reduce(
        (sum, id) => sum + (network.workshops.get(id)?.availableMinutes[week] ?? 0),
        0,
      );
      available[week] += total;
      // What is not left free is used: committed work, holds, open orders and the new demand.
      used[week] += Math.max(0, total - (pool.capacity[week] - pool.load[week]));
    }
  }
  const share = available.map((minutes, week) => (minutes > 0 ? used[week] / minutes : -1));
  let weeks = share.flatMap((value, week) => (value >= FULL_SHARE ? [week] : []));
  if (weeks.length === 0) {
    const highest = Math.max(...share);
    weeks = highest < 0 ? [] : [share.indexOf(highest)];
  }
  const sum = (values: number[]) => weeks.reduce((total, week) => total + values[week], 0);
  return { workshops, weeks, percent: weeks.length > 0 ? sum(used) / sum(available) : 0 };
}
