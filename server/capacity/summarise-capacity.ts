import { type CapacityCell } from '../domain/capacity-arithmetic';
import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';

export interface NetworkCapacityCell {
  week: WeekLabel;
  skill: Skill;
  workshops: number;
  capacityMinutes: number;
  committedMinutes: number;
  freeMinutes: number;
}

/** The network's capacity by week × skill, from the per-workshop cells, for the planner's grid. */
export function summariseCapacityByWeekAndSkill(cells: readonly CapacityCell[]): NetworkCapacityCell[] {
  const totals = new Map<string, NetworkCapacityCell>();
  for (const cell of cells) {
    const key = `${cell.week}|${cell.skill}`;
    const total = totals.get(key) ?? {
      week: cell.week,
      skill: cell.skill,
      workshops: 0,
      capacityMinutes: 0,
      committedMinutes: 0,
      freeMinutes: 0,
    };
    total.workshops += 1;
    total.capacityMinutes += cell.capacityMinutes;
    total.committedMinutes += cell.committedMinutes;
    total.freeMinutes += cell.freeMinutes;
    totals.set(key, total);
  }
  return [...totals.values()].sort(
    (left, right) => left.week.localeCompare(right.week) || left.skill.localeCompare(right.skill),
  );
}
