import { Types } from 'mongoose';

import { cachedReadModel } from '../dashboard/read-model-cache';
import { type WeekLabel } from '../domain/weeks';
import { Order } from '../models/order';
import { Plan, type PlanAssignment, type PlanDoc } from '../models/plan';
import { PlanCapacitySnapshot } from '../models/plan-capacity-snapshot';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';
import { earningsChartOf, type EarningsChart } from './earnings-chart';
import { earningsPerCapacityHour } from './earnings-per-capacity-hour';
import { buildPinConflictRows, type PinConflictRow } from './levers/pin-conflict-rows';
import { summarisePlans, type PlanHeader, type PlanSummary } from './plan-summary';
import { buildAssignmentRows, type AssignmentRow, type Names } from './plan-view-rows';
import { buildReplanMoveRows, type ReplanMoveRow } from './replan-move-rows';

export interface UnplacedReasonTotal {
  reason: string;
  units: number;
  lines: number;
}

/**
 * What the proposal page shows of a stored plan itself, with ids turned into names: the same for
 * every view, page and search of that plan, so it is built once and kept (see readPlanContents).
 * Shared between requests: never changed after it is built.
 */
export interface PlanContents {
  summary: PlanSummary;
  weeks: WeekLabel[];
  /** The stored assignments and unplaced units, for what is read against the data as it is now. */
  assignments: readonly PlanAssignment[];
  unplaced: PlanDoc['unplaced'];
  names: Names;
  /** Every workshop's row, most units first; a request searches and pages them. */
  assignmentRows: AssignmentRow[];
  unplacedByReason: UnplacedReasonTotal[];
  /** Earnings per capacity-hour by workshop (null for plans without a capacity snapshot). */
  chart: EarningsChart | null;
  pinConflicts: PinConflictRow[];
  replan: { basePlanId: string; moves: ReplanMoveRow[] } | null;
}

/** Plans as big as a network's month: a few are kept, the ones people look at. */
const PLANS_KEPT = 8;

/**
 * The plan's contents, read once per plan rather than once per page view: a stored plan's
 * assignments never change, only its status (a commit, or a newer proposal superseding it), and
 * the names shown come from workshops (whose edits announce capacity:changed). Product and user
 * renames announce nothing; the age limit bounds how long an old name shows.
 */
export const readPlanContents = cachedReadModel<{ planId: string }, PlanContents | null>({
  name: 'plan-contents',
  invalidatedBy: ['plan:proposed', 'plan:committed', 'capacity:changed'],
  maxAgeMs: 60_000,
  keyOf: ({ planId }) => planId,
  maxKept: PLANS_KEPT,
  compute: ({ planId }) => buildPlanContents(planId),
});

async function buildPlanContents(planId: string): Promise<PlanContents | null> {
  if (!Types.ObjectId.isValid(planId)) return null;
  // The demand's order ids are the plan's largest field and no page shows them.
  const plan = await Plan.findById(planId, { 'inputs.orders': 0 }).lean<PlanDoc>();
  if (!plan) return null;
  const [summaries, snapshot, workshops, products, orders] = await Promise.all([
    summarisePlans([plan as unknown as PlanHeader]),
    PlanCapacitySnapshot.findOne({ plan: plan._id }).lean(),
    Workshop.find({}, { code: 1, name: 1, area: 1 }).lean(),
    Product.find({}, { sku: 1, name: 1, requiredSkill: 1 }).lean(),
    readOrderReferences(plan),
  ]);
  const weeks = snapshot?.weeks ?? weeksOf(plan);
  const names: Names = {
    workshops: new Map(workshops.map((workshop) => [String(workshop._id), workshop])),
    products: new Map(products.map((product) => [String(product._id), product])),
    orders,
  };
  return {
    summary: summaries[0],
    weeks,
    assignments: plan.assignments,
    unplaced: plan.unplaced,
    names,
    assignmentRows: buildAssignmentRows({ plan, weeks, snapshot, names }),
    unplacedByReason: summariseUnplaced(plan),
    chart: snapshot
      ? earningsChartOf(earningsPerCapacityHour({ assignments: plan.assignments, workshops: snapshot.workshops }))
      : null,
    pinConflicts: buildPinConflictRows({ plan, names }),
    replan: plan.incremental
      ? { basePlanId: String(plan.incremental.basePlan), moves: buildReplanMoveRows({ plan, names }) }
      : null,
  };
}

function weeksOf(plan: PlanDoc): WeekLabel[] {
  return [...new Set(plan.assignments.map((assignment: PlanAssignment) => assignment.week))].sort();
}

function summariseUnplaced(plan: PlanDoc): UnplacedReasonTotal[] {
  const byReason = new Map<string, UnplacedReasonTotal>();
  for (const entry of plan.unplaced) {
    const total = byReason.get(entry.reason) ?? { reason: entry.reason, units: 0, lines: 0 };
    total.units += entry.quantity;
    total.lines += 1;
    byReason.set(entry.reason, total);
  }
  return [...byReason.values()].sort((left, right) => right.units - left.units);
}

/** Order references of every order the plan mentions (its demand was read from them). */
async function readOrderReferences(plan: PlanDoc): Promise<Map<string, string>> {
  const ids = new Map<string, Types.ObjectId>();
  for (const entry of [...plan.assignments, ...plan.unplaced, ...(plan.pinConflicts ?? [])])
    ids.set(String(entry.order), entry.order);
  if (ids.size === 0) return new Map();
  const orders = await Order.find({ _id: { $in: [...ids.values()] } }, { reference: 1 }).lean();
  return new Map(orders.map((order) => [String(order._id), order.reference]));
}
