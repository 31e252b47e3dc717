import { type AllocationPlan, type Problem } from '../../optimizer';

// The fairness figure the optimizer is held to: earnings per capacity-hour, max over min, among
// workshops that hold a single skill, skill by skill. Across skills the spread follows the piece
// rates the designers set, so it is reported on its own. Capacity counts weeks some open job of
// the skill may use, as the optimizer's own metric does.

export interface SkillGroupSpread {
  /** The largest max/min over the single-skill groups. */
  withinSkill: number;
  worstSkill: string;
  /** Max/min over every workshop with usable capacity. */
  acrossAll: number;
}

export function measureSkillGroupSpread({
  problem,
  plan,
}: {
  problem: Problem;
  plan: AllocationPlan;
}): SkillGroupSpread {
  const start = Date.parse(`${problem.horizon.start}T00:00:00Z`);
  const weekEnd = (week: number) => new Date(start + (7 * week + 6) * 86_400_000).toISOString().slice(0, 10);
  const openWeeks = new Map<string, Set<number>>();
  for (const job of problem.jobs) {
    const weeks = openWeeks.get(job.skill) ?? new Set<number>();
    for (let week = 0; week < problem.horizon.weeks; week++) {
      const end = weekEnd(week);
      if (end <= job.dueDate && end >= (job.releaseDate ?? problem.horizon.start)) weeks.add(week);
    }
    openWeeks.set(job.skill, weeks);
  }
  const rates = new Map<string, number>();
  for (const workshop of problem.workshops) {
    const usable = workshop.capacityMinutes.reduce(
      (sum, minutes, week) => (workshop.skills.some((skill) => openWeeks.get(skill)?.has(week)) ? sum + minutes : sum),
      0,
    );
    if (usable > 0) rates.set(workshop.id, (plan.metrics.earningsCents[workshop.id] ?? 0) / (usable / 60));
  }
  const spreadOf = (values: number[]) =>
    values.length === 0 ? 1 : Math.max(...values) / Math.max(Math.min(...values), Number.MIN_VALUE);
  let withinSkill = 1;
  let worstSkill = '–';
  const skills = [...new Set(problem.workshops.flatMap((workshop) => workshop.skills))].sort();
  for (const skill of skills) {
    const group = problem.workshops.filter((w) => w.skills.length === 1 && w.skills[0] === skill && rates.has(w.id));
    const spread = spreadOf(group.map((w) => rates.get(w.id)!));
    if (spread > withinSkill) [withinSkill, worstSkill] = [spread, skill];
  }
  return { withinSkill, worstSkill, acrossAll: spreadOf([...rates.values()]) };
}
