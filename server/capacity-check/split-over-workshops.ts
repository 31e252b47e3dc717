import { type ProblemInput } from '../../optimizer';
import { type NewDemandFlow } from './serve-new-demand';

/** Units (and their minutes) of one answer line given to one workshop in one horizon week. */
export interface WorkshopShare {
  line: number;
  skill: string;
  workshopId: string;
  week: number;
  units: number;
  minutes: number;
}

/**
 * Spreads each pool's whole units over its workshops in proportion to what each has free that
 * week (largest remainders first, never more units than a workshop has room for). The workshops of
 * a pool are interchangeable for the work, so this is one valid plan; it is the one that loads
 * them evenly, which is how holds reserve capacity.
 */
export function splitOverWorkshops({
  problem,
  flows,
}: {
  problem: ProblemInput;
  flows: readonly NewDemandFlow[];
}): WorkshopShare[] {
  const freeOf = new Map(problem.workshops.map((workshop) => [workshop.id, workshop.capacityMinutes]));
  const shares: WorkshopShare[] = [];
  for (const flow of flows) {
    const room = flow.workshopIds.map((id) => Math.floor((freeOf.get(id)?.[flow.week] ?? 0) / flow.minutesPerUnit));
    const total = room.reduce((sum, units) => sum + units, 0);
    if (total <= 0) continue;
    const exact = room.map((units) => (flow.units * units) / total);
    const whole = exact.map((units, index) => Math.min(room[index], Math.floor(units)));
    let left = flow.units - whole.reduce((sum, units) => sum + units, 0);
    const order = exact.map((units, index) => ({ index, rest: units - whole[index] })).sort((a, b) => b.rest - a.rest);
    while (left > 0) {
      const before = left;
      for (const { index } of order) {
        if (left > 0 && whole[index] < room[index]) {
          whole[index] += 1;
          left -= 1;
        }
      }
      if (left === before) break;
    }
    flow.workshopIds.forEach((workshopId, index) => {
      if (whole[index] <= 0) return;
      shares.push({
        line: flow.line,
        skill: flow.skill,
        workshopId,
        week: flow.week,
        units: whole[index],
        minutes: whole[index] * flow.minutesPerUnit,
      });
    });
  }
  return shares;
}

/**
 * Spreads each line's units of a week over every workshop with its skill in proportion to what
 * each has free: how the planner's fair share of work would fall, which the effect on artisans
 * estimates (the pool split above is one feasible plan, not necessarily the fair one).
 */
export function spreadOverSkilledWorkshops({
  problem,
  flows,
}: {
  problem: ProblemInput;
  flows: readonly NewDemandFlow[];
}): WorkshopShare[] {
  const byLineWeek = new Map<string, NewDemandFlow>();
  for (const flow of flows) {
    const key = `${flow.line}|${flow.week}`;
    const entry = byLineWeek.get(key);
    byLineWeek.set(key, entry ? { ...entry, units: entry.units + flow.units } : flow);
  }
  return splitOverWorkshops({
    problem,
    flows: [...byLineWeek.values()].map((flow) => ({
      ...flow,
      workshopIds: problem.workshops.filter((workshop) => workshop.skills.includes(flow.skill)).map((w) => w.id),
    })),
  });
}
