import { addDays, format } from 'date-fns';

import { type Problem, type ProblemInput, validateProblem } from '../../optimizer';
import { type CarriedSolution, solveAggregateFlow } from '../../optimizer/aggregate-flow';
import { type AggregateNetwork, buildAggregateNetwork } from '../../optimizer/aggregate-network';
import { PlacementLedger } from '../../optimizer/placement-ledger';
import { buildPlanningInstance, type PlanningInstance } from '../../optimizer/planning-instance';

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
}

// NOTE: kept per problem object, so that the dozen flows one answer needs (the date, the most,
// the earliest date, the levers) and the answers given on one kept network serve the open orders
// once; a new network read is a new object and starts afresh.
const servedByProblem = new WeakMap<ProblemInput, Map<number, OpenOrdersServed>>();

// NOTE: the open orders' jobs are the same array from one network read to the next (see
// read-check-inputs.ts), and the levers change only workshops: their checked form is kept per
// array, horizon and days of leeway, so that only the workshops are checked again.
const checkedJobs = new WeakMap<ProblemInput['jobs'], Map<string, Problem['jobs']>>();

/** The open orders checked by the optimizer's rules, normal-priority ones due `movableDays` later. */
function checkedOpenOrders({ problem, movableDays }: { problem: ProblemInput; movableDays: number }): Problem['jobs'] {
  const kept = checkedJobs.get(problem.jobs) ?? new Map<string, Problem['jobs']>();
  checkedJobs.set(problem.jobs, kept);
  const key = `${problem.horizon.start}|${problem.horizon.weeks}|${movableDays}`;
  const known = kept.get(key);
  if (known) return known;
  const movedDue = (dueDate: string) => format(addDays(new Date(`${dueDate}T12:00:00Z`), movableDays), 'yyyy-MM-dd');
  const jobs = problem.jobs.map((job) =>
    movableDays > 0 && (job.priority ?? 1) === MOVABLE_PRIORITY ? { ...job, dueDate: movedDue(job.dueDate) } : job,
  );
  const checked = validateProblem({ horizon: problem.horizon, workshops: [], jobs }).jobs;
  kept.set(key, checked);
  return checked;
}

/** The open orders of `problem` served, normal-priority ones allowed to finish `movableDays` late. */
export function serveOpenOrders({
  problem,
  movableDays,
}: {
  problem: ProblemInput;
  movableDays: number;
}): OpenOrdersServed {
  const kept = servedByProblem.get(problem) ?? new Map<number, OpenOrdersServed>();
  servedByProblem.set(problem, kept);
  const known = kept.get(movableDays);
  if (known) return known;

  const workshops = validateProblem({ ...problem, jobs: [], options: { fairness: false } });
  const instance = buildPlanningInstance({ ...workshops, jobs: checkedOpenOrders({ problem, movableDays }) });
  // Nothing is pinned in a check: the whole of every workshop's free minutes and every job is open.
  const ledger = new PlacementLedger(instance);
  const network = buildAggregateNetwork(instance, ledger);
  const served = { instance, network, solution: solveAggregateFlow(network), ledger, movableDays };
  kept.set(movableDays, served);
  return served;
}
