import { allowedWeeks, parseDay } from './calendar';
import { type AllocationPlan, type Problem } from './types';

// An independent check of a plan against its (validated) problem: every hard rule, recomputed
// from the plan's own JSON without any of the planner's bookkeeping. The tests run it on every
// plan they make; a caller can run it before committing a plan that was stored or edited.

const REASONS = new Set(['no-skill', 'deadline', 'capacity', 'lot-or-split']);

export function findPlanViolations({ problem, plan }: { problem: Problem; plan: AllocationPlan }): string[] {
  const violations: string[] = [];
  const weeks = problem.horizon.weeks;
  const startDay = parseDay(problem.horizon.start) as number;
  const jobs = new Map(problem.jobs.map((job) => [job.id, job]));
  const workshops = new Map(problem.workshops.map((workshop) => [workshop.id, workshop]));
  const usedMinutes = new Map<string, number>();
  const placed = new Map<string, number>();
  const workshopsOfJob = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const conflicts = new Set(plan.pinConflicts.map((c) => pinKey(c.jobId, c)));
  for (const c of plan.pinConflicts) {
    const job = jobs.get(c.jobId);
    const pin = job?.pins.find((p) => p.workshopId === c.workshopId && p.week === c.week && p.quantity === c.quantity);
    if (!pin) violations.push(`pin conflict ${c.jobId}/${c.workshopId}/week ${c.week}: no such pin`);
    if (c.detail.trim() === '') violations.push(`pin conflict ${c.jobId}/${c.workshopId}/week ${c.week}: empty detail`);
  }

  for (const a of plan.assignments) {
    const where = `assignment ${a.jobId}/${a.workshopId}/week ${a.week}`;
    const job = jobs.get(a.jobId);
    const workshop = workshops.get(a.workshopId);
    if (!job || !workshop) {
      violations.push(`${where}: unknown ${job ? 'workshop' : 'job'}`);
      continue;
    }
    const key = `${a.jobId}\u0000${a.workshopId}\u0000${a.week}`;
    if (seen.has(key)) violations.push(`${where}: listed twice`);
    seen.add(key);
    if (!Number.isInteger(a.week) || a.week < 0 || a.week >= weeks)
      violations.push(`${where}: week outside the horizon`);
    if (!Number.isInteger(a.quantity) || a.quantity <= 0)
      violations.push(`${where}: quantity ${a.quantity} is not a positive whole number`);
    if (!workshop.skills.includes(job.skill)) violations.push(`${where}: workshop lacks skill ${job.skill}`);
    const window = allowedWeeks({
      startDay,
      weeks,
      releaseDay: parseDay(job.releaseDate) as number,
      dueDay: parseDay(job.dueDate) as number,
    });
    if (!window || a.week < window.first || a.week > window.last)
      violations.push(`${where}: week not allowed by release/due dates`);
    // A planner's pin may be smaller than a lot; what the optimizer adds on top of it may not.
    const pin = job.pins.find((p) => p.workshopId === a.workshopId && p.week === a.week);
    const pinKept = pin !== undefined && !conflicts.has(pinKey(a.jobId, pin));
    if (a.quantity < Math.min(job.minLot, job.quantity) && !(pinKept && a.quantity === pin.quantity))
      violations.push(`${where}: ${a.quantity} units is below minLot ${job.minLot}`);
    if (job.forbiddenWorkshops.includes(a.workshopId))
      violations.push(`${where}: the workshop is ruled out for the job`);
    if ((a.pinned ?? 0) !== (pinKept ? pin.quantity : 0))
      violations.push(`${where}: pinned ${a.pinned ?? 0} units, the problem pins ${pinKept ? pin.quantity : 0}`);
    const cell = `${a.workshopId}\u0000${a.week}`;
    usedMinutes.set(cell, (usedMinutes.get(cell) ?? 0) + a.quantity * job.minutesPerUnit);
    placed.set(a.jobId, (placed.get(a.jobId) ?? 0) + a.quantity);
    workshopsOfJob.set(a.jobId, (workshopsOfJob.get(a.jobId) ?? new Set()).add(a.workshopId));
  }

  // Every pin not explained as a conflict is in the plan, with at least its units.
  for (const job of problem.jobs) {
    for (const pin of job.pins) {
      if (conflicts.has(pinKey(job.id, pin))) continue;
      const held = plan.assignments.find(
        (a) => a.jobId === job.id && a.workshopId === pin.workshopId && a.week === pin.week,
      );
      if (!held || held.quantity < pin.quantity)
        violations.push(`job ${job.id}: pin of ${pin.quantity} units in ${pin.workshopId} week ${pin.week} not kept`);
    }
  }

  for (const [cell, minutes] of usedMinutes) {
    const [workshopId, week] = cell.split('\u0000');
    const capacity = workshops.get(workshopId)!.capacityMinutes[Number(week)] ?? 0;
    if (minutes > capacity + 1e-6)
      violations.push(`workshop ${workshopId} week ${week}: ${minutes} minutes planned, capacity ${capacity}`);
  }

  const unplaced = new Map<string, number>();
  for (const u of plan.unplaced) {
    if (!jobs.has(u.jobId)) violations.push(`unplaced ${u.jobId}: unknown job`);
    if (unplaced.has(u.jobId)) violations.push(`unplaced ${u.jobId}: listed twice`);
    if (!Number.isInteger(u.quantity) || u.quantity <= 0)
      violations.push(`unplaced ${u.jobId}: quantity ${u.quantity} is not positive`);
    if (!REASONS.has(u.reason)) violations.push(`unplaced ${u.jobId}: unknown reason ${u.reason}`);
    if (u.detail.trim() === '') violations.push(`unplaced ${u.jobId}: empty detail`);
    unplaced.set(u.jobId, u.quantity);
  }

  let unitsOnTime = 0;
  for (const job of problem.jobs) {
    const made = placed.get(job.id) ?? 0;
    unitsOnTime += made;
    const split = workshopsOfJob.get(job.id)?.size ?? 0;
    if (job.maxSplit !== null && split > job.maxSplit)
      violations.push(`job ${job.id}: split over ${split} workshops, maxSplit ${job.maxSplit}`);
    if (made + (unplaced.get(job.id) ?? 0) !== job.quantity) {
      violations.push(
        `job ${job.id}: ${made} placed + ${unplaced.get(job.id) ?? 0} unplaced ≠ ${job.quantity} demanded`,
      );
    }
  }
  const unitsDemanded = problem.jobs.reduce((sum, job) => sum + job.quantity, 0);
  if (plan.metrics.unitsOnTime !== unitsOnTime)
    violations.push(`metrics.unitsOnTime ${plan.metrics.unitsOnTime} ≠ ${unitsOnTime}`);
  if (plan.metrics.unitsDemanded !== unitsDemanded)
    violations.push(`metrics.unitsDemanded ${plan.metrics.unitsDemanded} ≠ ${unitsDemanded}`);
  return violations;
}

function pinKey(jobId: string, pin: { workshopId: string; week: number }): string {
  return `${jobId}\u0000${pin.workshopId}\u0000${pin.week}`;
}
