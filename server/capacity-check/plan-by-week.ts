import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { type CheckLine } from './check-question';
import { type NewDemandFlow } from './serve-new-demand';

export interface WeekSkillPlan {
  week: WeekLabel;
  skill: Skill;
  hours: number;
  /** Units of each product made that week with that skill. */
  units: { sku: string; units: number }[];
}

/** The plan behind an answer, by week and skill, in the whole units the answer counts. */
export function planByWeek({
  lines,
  flows,
  labels,
}: {
  lines: readonly CheckLine[];
  flows: readonly NewDemandFlow[];
  labels: readonly WeekLabel[];
}): WeekSkillPlan[] {
  const units = lines.map(() => new Array<number>(labels.length).fill(0));
  for (const flow of flows) units[flow.line][flow.week] += flow.units;
  const rows = new Map<string, WeekSkillPlan>();
  lines.forEach((line, i) => {
    labels.forEach((week, w) => {
      if (units[i][w] <= 0) return;
      const key = `${week}|${line.product.skill}`;
      const row = rows.get(key) ?? { week, skill: line.product.skill, hours: 0, units: [] };
      row.hours += (units[i][w] * line.product.minutesPerUnit) / 60;
      row.units.push({ sku: line.product.sku, units: units[i][w] });
      rows.set(key, row);
    });
  });
  return [...rows.values()]
    .map((row) => ({ ...row, hours: Math.round(row.hours * 10) / 10 }))
    .sort((a, b) => a.week.localeCompare(b.week) || a.skill.localeCompare(b.skill));
}
