import { addMinutes } from 'date-fns';
import { type Types } from 'mongoose';

import { type WeekLabel } from '../domain/weeks';
import { type JobDoc } from '../models/job';
import { type PlanAssignment, type PlanDoc } from '../models/plan';

/**
 * The plan committed last Friday, rebuilt from the jobs it made, and the proposal it replaced.
 * Gives the planner's history something to show before the first plan is run.
 */
export function generateCurrentPlans({
  planId,
  proposalId,
  jobs,
  committedAt,
  startWeek,
  committedBy,
}: {
  planId: Types.ObjectId;
  proposalId: Types.ObjectId;
  jobs: readonly JobDoc[];
  committedAt: Date;
  startWeek: WeekLabel;
  committedBy: Types.ObjectId;
}): PlanDoc[] {
  const planned = jobs.filter((job) => job.plan?.equals(planId));
  const assignments = new Map<string, PlanAssignment>();
  for (const job of planned) {
    const key = `${String(job.orderLine)}|${String(job.workshop)}|${job.plannedWeek}`;
    const assignment = assignments.get(key) ?? {
      order: job.order,
      orderLine: job.orderLine,
      product: job.product,
      workshop: job.workshop,
      week: job.plannedWeek,
      quantity: 0,
      minutes: 0,
      pieceRateCents: job.pieceRateCents,
    };
    assignment.quantity += job.quantity;
    assignment.minutes += job.quantity * job.labourMinutesPerUnit;
    assignments.set(key, assignment);
  }
  const units = planned.reduce((sum, job) => sum + job.quantity, 0);
  const inputs = {
    dataVersion: `seed-${String(planId).slice(-8)}`,
    startWeek,
    weeks: 3,
    orders: [...new Map(planned.map((job) => [String(job.order), job.order])).values()],
    workshopCount: new Set(planned.map((job) => String(job.workshop))).size,
    demandUnits: units,
  };
  const createdAt = addMinutes(committedAt, -25);
  const base = {
    inputs,
    options: new Map<string, unknown>([
      ['horizonWeeks', 3],
      ['fairnessWeight', 0.3],
    ]),
    assignments: [...assignments.values()],
    unplaced: [],
    createdBy: committedBy,
  };
  return [
    {
      _id: proposalId,
      ...base,
      options: new Map<string, unknown>([
        ['horizonWeeks', 3],
        ['fairnessWeight', 0],
      ]),
      status: 'superseded',
      metrics: new Map([
        ['placedUnits', units],
        ['unplacedUnits', 0],
        ['fulfilment', 1],
      ]),
      supersededBy: planId,
      createdAt: addMinutes(createdAt, -40),
      updatedAt: createdAt,
    },
    {
      _id: planId,
      ...base,
      status: 'committed',
      metrics: new Map([
        ['placedUnits', units],
        ['unplacedUnits', 0],
        ['fulfilment', 1],
      ]),
      committedAt,
      committedBy,
      createdAt,
      updatedAt: committedAt,
    },
  ];
}
