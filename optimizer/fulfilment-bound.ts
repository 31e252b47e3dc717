import { solveAggregateFlow } from './aggregate-flow';
import { buildAggregateNetwork } from './aggregate-network';
import { applyPins } from './apply-pins';
import { PlacementLedger } from './placement-ledger';
import { type PlanningInstance } from './planning-instance';
import { type Problem } from './types';

/**
 * The most priority-weighted units any plan of the instance's problem can place (its planner pins kept): the
 * pooled LP's optimum, the bound planJobs measures itself against (see decideStatus there).
 * Cheap next to a whole plan run, so the incremental re-plan can prove a plan that keeps the
 * committed work loses nothing without planning everything again.
 */
export function fulfilmentBound(instance: PlanningInstance): number {
  const ledger = new PlacementLedger(instance);
  applyPins(ledger);
  const aggregate = solveAggregateFlow(buildAggregateNetwork(instance, ledger));
  return instance.jobs.reduce(
    (sum, facts, j) => sum + facts.valuePerMinute * aggregate.servedMinutes[j] + facts.job.priority * ledger.placed(j),
    0,
  );
}

/** Priority-weighted units of a plan's assignments: what fulfilment is measured in. */
export function weightedUnits({
  problem,
  assignments,
}: {
  problem: Problem;
  assignments: readonly { jobId: string; quantity: number }[];
}): number {
  const priority = new Map(problem.jobs.map((job) => [job.id, job.priority]));
  return assignments.reduce((sum, a) => sum + (priority.get(a.jobId) ?? 0) * a.quantity, 0);
}
