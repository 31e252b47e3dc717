import { solveAggregateFlow } from './aggregate-flow';
import { buildAggregateNetwork } from './aggregate-network';
import { applyPins } from './apply-pins';
import { assignPoolBundles } from './assign-workshops';
import { balanceNodeLoads } from './balance-load';
import { solveBalanceModel } from './balance-model';
import { explainUnplaced } from './explain-unplaced';
import { fillLeftovers } from './fill-leftovers';
import { PlacementLedger } from './placement-ledger';
import { measurePlan } from './plan-metrics';
import { buildPlanningInstance, type PlanningInstance } from './planning-instance';
import { rebalanceEarnings } from './rebalance-earnings';
import { splitClassWork } from './split-class-work';
import {
  type AllocationPlan,
  type PlanJobsOptions,
  type PlanPhase,
  type AllocationStatus,
  type Problem,
  type ProblemInput,
} from './types';
import { validateProblem } from './validate-problem';

// The pipeline: validate → exact aggregate (fulfilment) → balancing LP (earnings) → whole units
// per pool → workshops → fill what is left → even out earnings → explain what stays unplaced.
// Stages after the aggregate check the time limit; a stage cut short leaves a valid plan and
// the status 'timedout'.

/** Largest estimated solve time of the balancing LP worth spending after the loads are balanced. */
const BALANCE_LP_BUDGET_MS = 100;

/**
 * Work the incremental re-plan pins so the first stages plan around it: released before the fill,
 * which may then move it out of the way of work it could not otherwise place.
 */
export interface CommittedWork {
  release: (ledger: PlacementLedger) => void;
}

/** Plans jobs onto workshops. Rejects with ProblemValidationError when the problem is invalid. */
export function planJobs(problem: ProblemInput, options: PlanJobsOptions = {}): Promise<AllocationPlan> {
  return runPipeline({ problem, options });
}

/**
 * planJobs for the optimizer's own callers, with a problem validateProblem has returned (it is not
 * validated again), its instance when built already, and, for the incremental re-plan, the
 * committed work to release before the fill.
 */
export function planValidProblem({
  problem,
  instance,
  options = {},
  committed,
}: {
  problem: Problem;
  /** The problem's planning instance when the caller has built it already (its jobs' pins may differ). */
  instance?: PlanningInstance;
  options?: PlanJobsOptions;
  committed?: CommittedWork;
}): Promise<AllocationPlan> {
  return runPipeline({ problem, valid: problem, instance, options, committed });
}

async function runPipeline({
  problem,
  valid: validated,
  instance: built,
  options: { onProgress },
  committed,
}: {
  problem: ProblemInput;
  valid?: Problem;
  instance?: PlanningInstance;
  options: PlanJobsOptions;
  committed?: CommittedWork;
}): Promise<AllocationPlan> {
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;
  let lastFraction = 0;
  const report = async (phase: PlanPhase, fraction: number, message: string) => {
    lastFraction = Math.max(lastFraction, fraction);
    onProgress?.({ phase, fraction: lastFraction, elapsedMs: Math.round(elapsed()), message });
    // Let the event loop breathe so progress events actually reach the dashboard.
    if (onProgress) await new Promise((resolve) => setTimeout(resolve, 0));
  };

  await report('validating', 0, 'checking the problem');
  const valid = validated ?? validateProblem(problem);
  const deadline = valid.options.timeLimitMs;
  const isCancelled = () => elapsed() > deadline;
  let timedOut = false;

  await report('aggregating', 0.05, `pooling ${valid.workshops.length} workshops and ${valid.jobs.length} jobs`);
  const instance = built ?? buildPlanningInstance(valid);
  const ledger = new PlacementLedger(instance);
  const pinConflicts = applyPins(ledger);
  const network = buildAggregateNetwork(instance, ledger);
  const aggregate = solveAggregateFlow(network);
  const bound = instance.jobs.reduce(
    (sum, facts, j) => sum + facts.valuePerMinute * aggregate.servedMinutes[j] + facts.job.priority * ledger.placed(j),
    0,
  );

  let arcFlow = aggregate.arcFlow;
  if (valid.options.fairness) {
    await report('balancing', 0.25, `balancing earnings over ${instance.pools.length} workshop pools`);
    const loads = balanceNodeLoads({ network, solution: aggregate });
    if (loads.outcome === 'balanced') arcFlow = loads.arcFlow;
    // On a small aggregate the balancing LP evens out earnings per minute exactly (piece rates
    // differ between classes), which load balancing cannot; on a larger one the balanced loads stand.
    const timeLeftMs = Math.min(BALANCE_LP_BUDGET_MS, deadline - elapsed());
    const rates = solveBalanceModel({ instance, network, solution: aggregate, timeLeftMs });
    if (rates.outcome === 'balanced') arcFlow = rates.arcFlow;
  }

  await report('assigning', 0.45, 'giving jobs to workshops');
  const bundles = splitClassWork({ instance, network, servedMinutes: aggregate.servedMinutes, arcFlow });
  bundles.forEach((poolBundles, pool) => assignPoolBundles({ ledger, bundles: poolBundles, pool }));

  await report('filling', 0.7, 'filling free capacity with what is left');
  committed?.release(ledger);
  const relocate = committed !== undefined;
  if (!fillLeftovers({ ledger, serviceOrder: network.serviceOrder, isCancelled, relocate })) timedOut = true;

  if (valid.options.fairness && !isCancelled()) {
    await report('rebalancing', 0.8, 'evening out earnings per capacity-hour');
    if (!rebalanceEarnings({ ledger, isCancelled })) timedOut = true;
  }

  await report('explaining', 0.95, 'explaining unplaced units');
  const assignments = ledger.assignments();
  const unplaced = explainUnplaced(ledger);
  const metrics = measurePlan({ ledger, solveMs: 0 });
  const achieved = instance.jobs.reduce((sum, facts, j) => sum + facts.job.priority * ledger.placed(j), 0);
  const status = decideStatus({
    timedOut,
    achieved,
    bound,
    unitsOnTime: metrics.unitsOnTime,
    unitsDemanded: metrics.unitsDemanded,
  });
  metrics.solveMs = Math.round(elapsed());
  await report('done', 1, `${metrics.unitsOnTime} of ${metrics.unitsDemanded} units planned on time`);
  return { status, assignments, unplaced, pinConflicts, metrics };
}

function decideStatus({
  timedOut,
  achieved,
  bound,
  unitsOnTime,
  unitsDemanded,
}: {
  timedOut: boolean;
  achieved: number;
  bound: number;
  unitsOnTime: number;
  unitsDemanded: number;
}): AllocationStatus {
  if (timedOut) return 'timedout';
  if (unitsDemanded > 0 && unitsOnTime === 0) return 'infeasible';
  // The aggregate bound is the LP optimum (with valid lot and split cuts): reaching it proves optimality.
  return achieved >= bound - 1e-6 * Math.max(1, bound) ? 'optimal' : 'feasible';
}
