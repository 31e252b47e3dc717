import { type Types } from 'mongoose';

import { type CommittedAssignment, type PlanChange } from '../../optimizer';
import { Plan, type PlanMove } from '../models/plan';
import { type PlanningProblem } from './build-planning-problem';

/** The proposal an incremental re-plan keeps to, as the optimizer's committed assignments. */
export interface IncrementalBase {
  basePlanId: Types.ObjectId;
  committed: CommittedAssignment[];
}

/**
 * The newest proposal still open, the one planners have been reviewing, in the terms of the new
 * problem: its assignments of order lines still open, in workshops and weeks still planned. Work
 * committed before it is already jobs (and out of the problem's capacity), so keeping to the
 * proposal is keeping to everything decided. Null when there is none (the run is then a full one).
 */
export async function readIncrementalBase({ built }: { built: PlanningProblem }): Promise<IncrementalBase | null> {
  const base = await Plan.findOne({ status: 'proposal' }, { assignments: 1 }).sort({ createdAt: -1, _id: -1 }).lean();
  if (!base) return null;
  const jobIdByLine = new Map([...built.jobs].map(([jobId, ref]) => [String(ref.orderLineId), jobId]));
  const codeByWorkshop = new Map([...built.workshops.values()].map((w) => [String(w.workshopId), w.code]));
  const committed = base.assignments.flatMap((assignment) => {
    const jobId = jobIdByLine.get(String(assignment.orderLine));
    const workshopId = codeByWorkshop.get(String(assignment.workshop));
    const week = built.horizon.labels.indexOf(assignment.week);
    return jobId && workshopId && week >= 0 ? [{ jobId, workshopId, week, quantity: assignment.quantity }] : [];
  });
  return { basePlanId: base._id, committed };
}

/** The optimizer's diff with its ids turned back into documents and week indexes into labels. */
export function movesOfChanges({
  built,
  changes,
}: {
  built: PlanningProblem;
  changes: readonly PlanChange[];
}): PlanMove[] {
  return changes.map((change) => {
    const job = built.jobs.get(change.jobId)!;
    const cell = (side: 'from' | 'to') => {
      const at = change[side];
      if (!at) return {};
      return {
        [`${side}Workshop`]: built.workshops.get(at.workshopId)!.workshopId,
        [`${side}Week`]: built.horizon.labels[at.week],
      };
    };
    return {
      order: job.orderId,
      orderLine: job.orderLineId,
      product: job.productId,
      ...cell('from'),
      ...cell('to'),
      units: change.units,
    };
  });
}
