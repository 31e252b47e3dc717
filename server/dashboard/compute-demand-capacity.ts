import { SKILLS, type Skill } from '../domain/skills';
import { type Week, type WeekLabel } from '../domain/weeks';
import { type SkillWeekMinutes } from './read-network-week-totals';
import { type OpenOrderLine } from './read-open-orders';

/**
 * Demand against capacity for one week and skill, in minutes.
 * - capacity: what the active artisans can still give that week as of now (server/capacity: the
 *   working time left, holidays and days away removed; an artisan with several skills splits
 *   their week between them). Past weeks offer nothing, the current one what is left of it.
 * - planned: jobs already planned in that week (all but declined or cancelled ones).
 * - unplanned: ordered units of open orders that no job covers yet, in the week of their ship-by;
 *   overdue ones are counted in the current week, when they would have to be made.
 * Demand is planned + unplanned.
 */
export interface DemandCapacityCell {
  week: WeekLabel;
  skill: Skill;
  capacityMinutes: number;
  plannedMinutes: number;
  unplannedMinutes: number;
}

export interface DemandCapacity {
  weeks: WeekLabel[];
  skills: Skill[];
  cells: DemandCapacityCell[];
}

export function computeDemandCapacity({
  weeks,
  currentWeek,
  skill,
  lines,
  capacity,
}: {
  weeks: readonly Week[];
  currentWeek: Week;
  skill?: Skill;
  lines: readonly OpenOrderLine[];
  /** Capacity of server/capacity covering `weeks`: its cells (workshop × skill × week) or their totals by skill. */
  capacity: readonly SkillWeekMinutes[];
}): DemandCapacity {
  const skills = skill ? [skill] : [...SKILLS];
  const shown = new Set<string>(skills);
  const cells = new Map<string, DemandCapacityCell>();
  for (const { label: week } of weeks) {
    for (const each of skills) {
      cells.set(`${week}|${each}`, { week, skill: each, capacityMinutes: 0, plannedMinutes: 0, unplannedMinutes: 0 });
    }
  }
  const cellAt = (week: WeekLabel, cellSkill: Skill) =>
    shown.has(cellSkill) ? cells.get(`${week}|${cellSkill}`) : undefined;

  for (const cell of capacity) {
    const target = cellAt(cell.week, cell.skill);
    if (!target) continue;
    target.capacityMinutes += cell.capacityMinutes;
    target.plannedMinutes += cell.committedMinutes;
  }
  for (const line of lines) {
    if (line.uncovered === 0) continue;
    // Compared with the weeks' bounds rather than labelled one by one: time-zone arithmetic per line is slow.
    const due = line.shipBy < currentWeek.start ? currentWeek.start : line.shipBy;
    const week = weeks.find((candidate) => candidate.start <= due && due < candidate.end);
    const target = week ? cellAt(week.label, line.skill) : undefined;
    if (target) target.unplannedMinutes += line.uncovered * line.labourMinutesPerUnit;
  }
  return { weeks: weeks.map((week) => week.label), skills, cells: [...cells.values()] };
}
