import { Types } from 'mongoose';

import { type AllocationPlan } from '../../optimizer';
import { type Actor } from '../domain/actor';
import { type PlanTrigger } from '../domain/plan-trigger';
import { Plan, type PlanAssignment, type PlanDoc, type PlanPinConflict, type UnplacedUnits } from '../models/plan';
import { PlanCapacitySnapshot } from '../models/plan-capacity-snapshot';
import { type PlanningProblem } from './build-planning-problem';
import { earningsPerCapacityHour } from './earnings-per-capacity-hour';

const DETAIL_LIMIT = 500;

/**
 * Stores an optimizer result as a proposal: ids mapped back to documents, week indexes to week
 * labels, with the capacity it was computed on beside it. A newer automatic suggestion replaces
 * the older ones still waiting, so the planner reviews one suggestion, not a pile.
 */
export async function savePlanProposal({
  planId,
  built,
  result,
  dataVersion,
  trigger,
  reason,
  actor,
  timings,
  incremental,
}: {
  planId: Types.ObjectId;
  built: PlanningProblem;
  result: AllocationPlan;
  dataVersion: string;
  trigger: PlanTrigger;
  reason: string;
  actor: Actor;
  timings: { readMs: number; solveMs: number };
  /** For an incremental re-plan: the proposal it kept to and what moves against it. */
  incremental?: PlanDoc['incremental'];
}): Promise<{ placedUnits: number; unplacedUnits: number }> {
  const { horizon } = built;
  const assignments: PlanAssignment[] = result.assignments.map((assignment) => {
    const job = mustGet(built.jobs, assignment.jobId, 'job');
    const workshop = mustGet(built.workshops, assignment.workshopId, 'workshop');
    return {
      order: job.orderId,
      orderLine: job.orderLineId,
      product: job.productId,
      workshop: workshop.workshopId,
      week: horizon.labels[assignment.week],
      quantity: assignment.quantity,
      minutes: Math.round(assignment.quantity * job.minutesPerUnit),
      pieceRateCents: job.pieceRateCents,
      ...(assignment.pinned ? { pinned: assignment.pinned } : {}),
    };
  });
  const pinConflicts: PlanPinConflict[] = result.pinConflicts.map((conflict) => {
    const job = mustGet(built.jobs, conflict.jobId, 'job');
    return {
      order: job.orderId,
      orderLine: job.orderLineId,
      product: job.productId,
      workshop: mustGet(built.workshops, conflict.workshopId, 'workshop').workshopId,
      week: horizon.labels[conflict.week],
      quantity: conflict.quantity,
      reason: conflict.reason,
      detail: clip(conflict.detail),
    };
  });
  const unplaced: UnplacedUnits[] = result.unplaced.map((entry) => {
    const job = mustGet(built.jobs, entry.jobId, 'job');
    return {
      order: job.orderId,
      orderLine: job.orderLineId,
      product: job.productId,
      quantity: entry.quantity,
      reason: entry.reason,
      detail: clip(entry.detail),
      ...(entry.suggestion?.minLot ? { suggestedMinimumLot: entry.suggestion.minLot } : {}),
      ...(entry.suggestion?.dueDate ? { suggestedShipBy: entry.suggestion.dueDate } : {}),
    };
  });

  const demandSkills = new Set([...built.jobs.values()].map((job) => job.skill));
  const snapshotWorkshops = [...built.workshops.values()].map((workshop) => ({
    workshop: workshop.workshopId,
    code: workshop.code,
    skills: workshop.skills,
    artisans: workshop.artisans,
    freeMinutes: workshop.freeMinutes,
    eligible: workshop.skills.some((skill) => demandSkills.has(skill)),
  }));
  const rates = earningsPerCapacityHour({ assignments, workshops: snapshotWorkshops });
  const placedUnits = assignments.reduce((sum, assignment) => sum + assignment.quantity, 0);
  const unplacedUnits = unplaced.reduce((sum, entry) => sum + entry.quantity, 0);
  const balance = result.metrics.earningsPerCapacityHour;

  await PlanCapacitySnapshot.create({ plan: planId, weeks: horizon.labels, workshops: snapshotWorkshops });
  const metrics: Record<string, number> = {
    demandUnits: built.demandUnits,
    placedUnits,
    unplacedUnits,
    fulfilment: result.metrics.fulfilment,
    earningsCents: assignments.reduce((sum, assignment) => sum + assignment.quantity * assignment.pieceRateCents, 0),
    workshopsUsed: new Set(assignments.map((assignment) => String(assignment.workshop))).size,
    jobsProposed: assignments.length,
    maxEarningsPerCapacityHourCents: rates[0]?.centsPerHour ?? 0,
    minEarningsPerCapacityHourCents: rates[rates.length - 1]?.centsPerHour ?? 0,
    earningsGini: balance.gini,
    readMs: timings.readMs,
    solveMs: timings.solveMs,
  };
  if (balance.maxOverMin !== null) metrics.earningsMaxOverMin = balance.maxOverMin;
  await Plan.create({
    _id: planId,
    inputs: {
      dataVersion,
      startWeek: horizon.labels[0],
      weeks: horizon.labels.length,
      orders: built.orderIds,
      workshopCount: built.workshops.size,
      demandUnits: built.demandUnits,
    },
    options: {
      trigger,
      reason,
      horizonWeeks: horizon.labels.length,
      ...(built.problem.options?.timeLimitMs ? { timeLimitMs: built.problem.options.timeLimitMs } : {}),
      optimizerStatus: result.status,
    },
    status: 'proposal',
    assignments,
    unplaced,
    pinConflicts,
    ...(incremental ? { incremental } : {}),
    metrics,
    createdBy: actor.userId && Types.ObjectId.isValid(actor.userId) ? new Types.ObjectId(actor.userId) : undefined,
  });
  if (trigger === 'auto') {
    await Plan.updateMany(
      { _id: { $ne: planId }, status: 'proposal', 'options.trigger': 'auto' },
      { $set: { status: 'superseded', supersededBy: planId } },
    );
  }
  return { placedUnits, unplacedUnits };
}

function clip(detail: string): string {
  return detail.length > DETAIL_LIMIT ? `${detail.slice(0, DETAIL_LIMIT - 1)}…` : detail;
}

function mustGet<Value>(map: Map<string, Value>, id: string, what: string): Value {
  const value = map.get(id);
  // The optimizer only answers with the ids it was given; anything else is a bug, not bad input.
  if (value === undefined) throw new Error(`the optimizer returned an unknown ${what} id ${JSON.stringify(id)}`);
  return value;
}
