import { committedAsPins, type CommittedAssignment, releaseCommitted, withKeptPins } from './committed-pins';
import { fulfilmentBound, weightedUnits } from './fulfilment-bound';
import { planValidProblem } from './plan-jobs';
import { buildPlanningInstance } from './planning-instance';
import { type AllocationPlan, type PlanJobsOptions, type Problem, type ProblemInput } from './types';
import { validateProblem } from './validate-problem';

// The incremental re-plan: after a change (orders added or cancelled, a workshop's capacity
// dropped), the committed assignments stay where they are unless moving them places more
// priority-weighted units. They go into planJobs as pins beside the planner's own, clipped first to
// what the changed problem still allows (a smaller order, less capacity), so the first stages plan
// new work around them; then they are released, and the fill may move committed work out of the
// way of work that fits nowhere else (relocate-for-room.ts), or displace it for more valuable
// work, each move placing more. Unless every unit is placed (which needs no proof), the pooled
// LP's bound then proves that keeping the rest lost nothing (to within ROUNDING_TOLERANCE). Only
// when it cannot is the problem planned afresh, and the fresh plan taken if it places more.

export type { CommittedAssignment };

export interface PlanCell {
  workshopId: string;
  week: number;
}

/** One entry of the minimal diff: units of a job leaving a cell, entering one, or both (a move). */
export interface PlanChange {
  jobId: string;
  /** Null for new work (placed where nothing of it was committed). */
  from: PlanCell | null;
  /** Null for committed work the new plan no longer places (it could not stay and found no room). */
  to: PlanCell | null;
  units: number;
}

export interface IncrementalReplan {
  plan: AllocationPlan;
  /** What moves against the committed assignments of jobs still in the problem; nothing else. */
  changes: PlanChange[];
  /** Committed units kept in place. */
  keptUnits: number;
  /** 'kept' when the committed work stayed (but for what the change forced out); 'fresh' when a fresh plan placed more. */
  basis: 'kept' | 'fresh';
}

/**
 * Shortfall against the pooled LP's bound, as a share of it, within which a plan keeping the
 * committed work stands without a fresh plan to compare: planJobs' own rounding of the LP into
 * whole lots leaves it about that far below the bound (0.21% priority-weighted at SOKO scale, see
 * the README's benchmarks), so a fresh plan could not be told apart from it by more.
 */
export const ROUNDING_TOLERANCE = 0.005;

/**
 * Jobs × workshops up to which a fresh plan takes a few milliseconds: there, whenever the kept plan
 * falls short of the bound at all, the fresh plan is made too and taken if it places more. The
 * relocating fill reaches a full re-plan's fulfilment by itself on about 99% of random small
 * problems (the rest would need, say, a job's own lots gathered in a new workshop-week); this
 * closes the gap there. At SOKO scale the bound's ROUNDING_TOLERANCE rule alone decides.
 */
const CHEAP_FRESH_PLAN = 10_000;

export async function replanIncrementally({
  problem: input,
  committed,
  options,
}: {
  problem: ProblemInput;
  committed: readonly CommittedAssignment[];
  options?: PlanJobsOptions;
}): Promise<IncrementalReplan> {
  const problem = validateProblem(input);
  // One instance serves the bound, the kept plan and a fresh one: only the kept plan's pins differ.
  const instance = buildPlanningInstance(problem);
  // NOTE: without the earnings-balancing stages: the committed work was balanced when it was
  // planned, and fillLeftovers already gives new work to the least-paid workshops first.
  const withoutFairness: Problem = { ...problem, options: { ...problem.options, fairness: false } };
  const kept = await planValidProblem({
    problem: withoutFairness,
    instance: withKeptPins(instance, committedAsPins({ instance, committed })),
    options,
    committed: { release: (ledger) => releaseCommitted({ ledger, planner: instance }) },
  });
  let plan = withPlannerPins({ problem, plan: kept });
  let basis: IncrementalReplan['basis'] = 'kept';
  const achieved = weightedUnits({ problem, assignments: plan.assignments });
  // NOTE: a plan that places every unit demanded is at any bound, so the pooled LP over the whole
  // network is solved only when something is left unplaced (most changes place everything).
  const demanded = problem.jobs.reduce((sum, job) => sum + job.priority * job.quantity, 0);
  const bound = achieved >= demanded ? demanded : fulfilmentBound(instance);
  const belowBound = achieved < bound - 1e-6 * Math.max(1, bound);
  const freshIsCheap = problem.jobs.length * problem.workshops.length <= CHEAP_FRESH_PLAN;
  if (plan.status === 'timedout' || achieved < bound * (1 - ROUNDING_TOLERANCE) || (belowBound && freshIsCheap)) {
    const fresh = await planValidProblem({ problem, instance, options });
    if (weightedUnits({ problem, assignments: fresh.assignments }) > achieved) {
      plan = fresh;
      basis = 'fresh';
    }
  }
  const jobIds = new Set(problem.jobs.map((job) => job.id));
  const stillDemanded = committed.filter((a) => jobIds.has(a.jobId));
  const changes = diffAssignments({ before: stillDemanded, after: plan.assignments });
  const keptUnits = stillDemanded.reduce((sum, a) => sum + a.quantity, 0) - sumUnits(changes.filter((c) => c.from));
  return { plan, changes, keptUnits, basis };
}

/** The plan as planJobs made it with the committed work pinned, but with only the planner's pins marked and explained. */
function withPlannerPins({ problem, plan }: { problem: Problem; plan: AllocationPlan }): AllocationPlan {
  const plannerPins = new Map<string, number>();
  for (const job of problem.jobs)
    for (const pin of job.pins) plannerPins.set(`${job.id}\u0000${pin.workshopId}\u0000${pin.week}`, pin.quantity);
  // Without planner pins nothing is left pinned once the committed work is released, and every
  // conflict is a kept cell's: the assignments stand as they are.
  if (plannerPins.size === 0) return { ...plan, pinConflicts: [] };
  const key = (a: { jobId: string; workshopId: string; week: number }) =>
    `${a.jobId}\u0000${a.workshopId}\u0000${a.week}`;
  const broken = new Set(plan.pinConflicts.map(key));
  return {
    ...plan,
    assignments: plan.assignments.map(({ pinned: _pinned, ...a }) => {
      const own = plannerPins.get(key(a));
      // A kept cell holds at least its merged pin, so at least the planner's part of it.
      return own && !broken.has(key(a)) ? { ...a, pinned: own } : a;
    }),
    pinConflicts: plan.pinConflicts
      .filter((conflict) => plannerPins.has(key(conflict)))
      .map((conflict) => ({ ...conflict, quantity: plannerPins.get(key(conflict))! })),
  };
}

/**
 * What moves between two sets of assignments, job by job: units leaving cells are paired with
 * units entering others (moves), in cell order (workshop id, then week); what is left over is new
 * work or work dropped.
 */
export function diffAssignments({
  before,
  after,
}: {
  before: readonly CommittedAssignment[];
  after: readonly CommittedAssignment[];
}): PlanChange[] {
  // NOTE: cells are numbered by the rank of their job and workshop ids, so the net change per cell
  // sits in one map of numbers and sorting its keys puts jobs, workshops and weeks in order: string
  // keys per cell and a map per job made this a good part of a SOKO-scale re-plan's garbage.
  const jobIds = rankIds([before, after], (a) => a.jobId);
  const workshopIds = rankIds([before, after], (a) => a.workshopId);
  const weeks = 1 + [before, after].reduce((last, list) => list.reduce((most, a) => Math.max(most, a.week), last), 0);
  const cellsPerJob = workshopIds.ids.length * weeks;
  const delta = new Map<number, number>();
  const add = (a: CommittedAssignment, sign: number) => {
    const key = jobIds.rank.get(a.jobId)! * cellsPerJob + workshopIds.rank.get(a.workshopId)! * weeks + a.week;
    delta.set(key, (delta.get(key) ?? 0) + sign * a.quantity);
  };
  before.forEach((a) => add(a, -1));
  after.forEach((a) => add(a, 1));
  const changed = [...delta].filter(([, units]) => units !== 0).sort(([a], [b]) => a - b);
  const changes: PlanChange[] = [];
  const cellOf = (key: number): PlanCell => ({
    workshopId: workshopIds.ids[Math.floor((key % cellsPerJob) / weeks)],
    week: key % weeks,
  });
  for (let first = 0; first < changed.length;) {
    const job = Math.floor(changed[first][0] / cellsPerJob);
    let end = first;
    while (end < changed.length && Math.floor(changed[end][0] / cellsPerJob) === job) end++;
    const cells = changed.slice(first, end);
    first = end;
    const jobId = jobIds.ids[job];
    const leaving = cells
      .filter(([, units]) => units < 0)
      .map(([key, units]) => ({ cell: cellOf(key), units: -units }));
    const entering = cells.filter(([, units]) => units > 0).map(([key, units]) => ({ cell: cellOf(key), units }));
    while (leaving.length > 0 && entering.length > 0) {
      const units = Math.min(leaving[0].units, entering[0].units);
      changes.push({ jobId, from: leaving[0].cell, to: entering[0].cell, units });
      if ((leaving[0].units -= units) === 0) leaving.shift();
      if ((entering[0].units -= units) === 0) entering.shift();
    }
    for (const { cell, units } of leaving) changes.push({ jobId, from: cell, to: null, units });
    for (const { cell, units } of entering) changes.push({ jobId, from: null, to: cell, units });
  }
  return changes;
}

/** The distinct ids of some assignments in order, and the rank of each. */
function rankIds(
  lists: ReadonlyArray<readonly CommittedAssignment[]>,
  idOf: (a: CommittedAssignment) => string,
): { ids: string[]; rank: Map<string, number> } {
  const rank = new Map<string, number>();
  for (const list of lists) for (const a of list) rank.set(idOf(a), 0);
  const ids = [...rank.keys()].sort(compare);
  ids.forEach((id, index) => rank.set(id, index));
  return { ids, rank };
}

function sumUnits(changes: readonly PlanChange[]): number {
  return changes.reduce((sum, change) => sum + change.units, 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
