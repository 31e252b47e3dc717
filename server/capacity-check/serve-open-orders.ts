import { addDays, format } from 'date-fns';

import { type Problem, type ProblemInput, validateProblem } from '../../optimizer';
import { type CarriedSolution, solveAggregateFlow } from '../../optimizer/aggregate-flow';
import { type AggregateNetwork, buildAggregateNetwork } from '../../optimizer/aggregate-network';
import { PlacementLedger } from '../../optimizer/placement-ledger';
import { buildPlanningInstance, type PlanningInstance } from '../../optimizer/planning-instance';
import { runSteps, runStepsInBackground, type Steps } from '../services/run-in-steps';

/** Optimizer priority of a normal order (see PRIORITY_WEIGHT): the orders a designer may move. */
export const MOVABLE_PRIORITY = 1;

/**
 * The open orders of a problem served by the optimizer's aggregate flow, before any new demand:
 * every answer on the same network starts from here (serveNewDemand carries the flow on with the
 * designer's demand), so a question costs only the flow of what it asks.
 */
export interface OpenOrdersServed {
  instance: PlanningInstance;
  network: AggregateNetwork;
  solution: CarriedSolution;
  ledger: PlacementLedger;
  movableDays: number;
  /** Classes found full (see CarriedAggregate): known from serving the open orders, then carried on. */
  fullClasses?: Set<number>;
}

// NOTE: kept per problem object, so that the dozen flows one answer needs (the date, the most,
// the earliest date, the levers) and the answers given on one kept network serve the open orders
// once; a new network read is a new object and starts afresh.
const servedByProblem = new WeakMap<ProblemInput, Map<number, OpenOrdersServed>>();

// NOTE: the open orders' jobs are the same array from one network read to the next (see
// read-check-inputs.ts), and the levers change only workshops: their checked form is kept per
// array, horizon and days of leeway, so that only the workshops are checked again.
const checkedJobs = new WeakMap<ProblemInput['jobs'], Map<string, Problem['jobs']>>();

/**
 * Jobs checked by the optimizer's rules in one go. Open demand runs to tens of thousands of jobs
 * once the channels have sent a busy day's orders, and checking them all at once held the event
 * loop for some 150 ms; a chunk this size is a few milliseconds of work.
 */
const JOBS_CHECKED_PER_STEP = 2_000;

/**
 * The open orders checked by the optimizer's rules, normal-priority ones due `movableDays` later,
 * a chunk of jobs per step. Their ids are unique by construction (planningDemandSteps names each
 * job once), so checking chunk by chunk finds everything a check of the whole list would.
 */
function* checkOpenOrders({
  problem,
  movableDays,
}: {
  problem: ProblemInput;
  movableDays: number;
}): Steps<Problem['jobs']> {
  const kept = checkedJobs.get(problem.jobs) ?? new Map<string, Problem['jobs']>();
  checkedJobs.set(problem.jobs, kept);
  const key = `${problem.horizon.start}|${problem.horizon.weeks}|${movableDays}`;
  const known = kept.get(key);
  if (known) return known;
  const movedDue = (dueDate: string) => format(addDays(new Date(`${dueDate}T12:00:00Z`), movableDays), 'yyyy-MM-dd');
  const checked: Problem['jobs'] = [];
  for (let from = 0; from < problem.jobs.length; from += JOBS_CHECKED_PER_STEP) {
    if (from > 0) yield;
    const jobs = problem.jobs
      .slice(from, from + JOBS_CHECKED_PER_STEP)
      .map((job) =>
        movableDays > 0 && (job.priority ?? 1) === MOVABLE_PRIORITY ? { ...job, dueDate: movedDue(job.dueDate) } : job,
      );
    checked.push(...validateProblem({ horizon: problem.horizon, workshops: [], jobs }).jobs);
  }
  kept.set(key, checked);
  return checked;
}

/**
 * Serves the open orders of `problem` in steps, each ending where a caller may give the event
 * loop a turn: checking the jobs chunk by chunk, building the instance, its network, the flow.
 */
function* serveOpenOrdersInSteps({
  problem,
  movableDays,
}: {
  problem: ProblemInput;
  movableDays: number;
}): Steps<OpenOrdersServed> {
  const kept = servedByProblem.get(problem) ?? new Map<number, OpenOrdersServed>();
  servedByProblem.set(problem, kept);
  const known = kept.get(movableDays);
  if (known) return known;

  const workshops = validateProblem({ ...problem, jobs: [], options: { fairness: false } });
  const jobs = yield* checkOpenOrders({ problem, movableDays });
  yield;
  const instance = buildPlanningInstance({ ...workshops, jobs });
  // Nothing is pinned in a check: the whole of every workshop's free minutes and every job is open.
  const ledger = new PlacementLedger(instance);
  yield;
  const network = buildAggregateNetwork(instance, ledger);
  yield;
  // Another caller may have served the same problem while this one gave the loop its turns.
  const servedMeanwhile = kept.get(movableDays);
  if (servedMeanwhile) return servedMeanwhile;
  // The classes found full while serving the open orders stay full however much is carried on
  // after them: every question and promise on this network skips them without a search.
  const fullClasses = new Set<number>();
  const solution = solveAggregateFlow(network, undefined, fullClasses);
  const served = { instance, network, solution, ledger, movableDays, fullClasses };
  kept.set(movableDays, served);
  return served;
}

/** The open orders of `problem` served, normal-priority ones allowed to finish `movableDays` late. */
export function serveOpenOrders(question: { problem: ProblemInput; movableDays: number }): OpenOrdersServed {
  return runSteps(serveOpenOrdersInSteps(question));
}

/** The same in the background, steps apart, for a read behind answers still given (see run-in-steps.ts). */
export function serveOpenOrdersInBackground(question: {
  problem: ProblemInput;
  movableDays: number;
}): Promise<OpenOrdersServed> {
  return runStepsInBackground(serveOpenOrdersInSteps(question));
}
