import { Types } from 'mongoose';

import { pageOf } from '../domain/paging';
import { nairobiDateString, type WeekLabel } from '../domain/weeks';
import { Order, type OrderDoc } from '../models/order';
import { Plan, type PlanAssignment, type PlanDoc } from '../models/plan';
import { PlanCapacitySnapshot } from '../models/plan-capacity-snapshot';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';
import { diffProposal } from './diff-proposal';
import { earningsPerCapacityHour } from './earnings-per-capacity-hour';
import { buildPinConflictRows, type PinConflictRow } from './levers/pin-conflict-rows';
import { summarisePlans, type PlanHeader, type PlanSummary } from './plan-summary';
import {
  buildAssignmentRows,
  buildChangeRows,
  buildMoveRows,
  buildUnplacedRows,
  type AssignmentRow,
  type ChangeRow,
  type MoveRow,
  type Names,
  type UnplacedOrderTerms,
  type UnplacedRow,
} from './plan-view-rows';
import { buildReplanMoveRows, type ReplanMoveRow } from './replan-move-rows';

export const PLAN_VIEWS = ['assignments', 'unplaced', 'changes'] as const;
export type PlanViewName = (typeof PLAN_VIEWS)[number];
export const PLAN_VIEW_PAGE_SIZE = 25;
const MOVES_SHOWN = 50;

export interface PlanView {
  summary: PlanSummary;
  weeks: WeekLabel[];
  view: PlanViewName;
  query: string;
  page: number;
  pageCount: number;
  /** Rows of the chosen view, after the filter. */
  total: number;
  counts: { workshops: number; unplacedLines: number; changes: number; moves: number };
  unplacedByReason: { reason: string; units: number; lines: number }[];
  /** Earnings per capacity-hour by workshop, highest first (empty for plans without a capacity snapshot). */
  chart: { code: string; skill: string; centsPerHour: number; earningsCents: number; capacityHours: number }[];
  assignments: AssignmentRow[];
  unplaced: UnplacedRow[];
  /** Pins the optimizer could not keep in this plan, with its explanation. */
  pinConflicts: PinConflictRow[];
  /** For an incremental re-plan: the proposal it kept to and only what moves against it. */
  replan: { basePlanId: string; moves: ReplanMoveRow[] } | null;
  diff: {
    baselineCommittedAt: string | null;
    totals: { addedUnits: number; removedUnits: number; workshopsGaining: number; workshopsLosing: number };
    changes: ChangeRow[];
    moves: MoveRow[];
  } | null;
}

/**
 * Everything the proposal page shows, one page of the chosen table at a time; null when there
 * is no such plan. Ids become codes, references and SKUs here, so the page shows names only.
 */
export async function readPlanView({
  planId,
  view = 'assignments',
  page = 1,
  query = '',
  pageSize = PLAN_VIEW_PAGE_SIZE,
}: {
  planId: string;
  view?: PlanViewName;
  page?: number;
  query?: string;
  pageSize?: number;
}): Promise<PlanView | null> {
  if (!Types.ObjectId.isValid(planId)) return null;
  const plan = await Plan.findById(planId).lean();
  if (!plan) return null;
  const [summaries, snapshot, workshops, products] = await Promise.all([
    summarisePlans([plan as unknown as PlanHeader]),
    PlanCapacitySnapshot.findOne({ plan: plan._id }).lean(),
    Workshop.find({}, { code: 1, name: 1, area: 1 }).lean(),
    Product.find({}, { sku: 1, name: 1, requiredSkill: 1 }).lean(),
  ]);
  const weeks = snapshot?.weeks ?? weeksOf(plan);
  const names: Names = {
    workshops: new Map(workshops.map((workshop) => [String(workshop._id), workshop])),
    products: new Map(products.map((product) => [String(product._id), product])),
    orders: await readOrderReferences(plan),
  };
  const diff = plan.status === 'proposal' ? await diffProposal({ assignments: plan.assignments, weeks }) : null;

  const filter = query.trim().toLowerCase();
  const assignmentRows = buildAssignmentRows({ plan, weeks, snapshot, names, filter });
  const unplacedRows = buildUnplacedRows({ plan, names, terms: await readUnplacedOrderTerms(plan), filter });
  const changeRows = diff ? buildChangeRows({ diff, weeks, names, filter }) : [];
  const pageOfView = <Row>(name: PlanViewName, rows: Row[]) =>
    pageOf({ rows: view === name ? rows : [], page, pageSize });
  const pages = {
    assignments: pageOfView('assignments', assignmentRows),
    unplaced: pageOfView('unplaced', unplacedRows),
    changes: pageOfView('changes', changeRows),
  };
  const total = { assignments: assignmentRows.length, unplaced: unplacedRows.length, changes: changeRows.length }[view];

  return {
    summary: summaries[0],
    weeks,
    view,
    query,
    page: pages[view].page,
    pageCount: pages[view].pageCount,
    total,
    counts: {
      workshops: assignmentRows.length,
      unplacedLines: unplacedRows.length,
      changes: changeRows.length,
      moves: diff?.moves.length ?? 0,
    },
    unplacedByReason: summariseUnplaced(plan),
    chart: snapshot
      ? earningsPerCapacityHour({ assignments: plan.assignments, workshops: snapshot.workshops }).map(
          ({ code, skill, centsPerHour, earningsCents, capacityHours }) => ({
            code,
            skill,
            centsPerHour,
            earningsCents,
            capacityHours: Math.round(capacityHours * 10) / 10,
          }),
        )
      : [],
    assignments: pages.assignments.rows,
    unplaced: pages.unplaced.rows,
    pinConflicts: buildPinConflictRows({ plan, names }),
    replan: plan.incremental
      ? { basePlanId: String(plan.incremental.basePlan), moves: buildReplanMoveRows({ plan, names }) }
      : null,
    diff: diff
      ? {
          baselineCommittedAt: diff.baseline?.committedAt ?? null,
          totals: diff.totals,
          changes: pages.changes.rows,
          moves: buildMoveRows({ moves: diff.moves.slice(0, MOVES_SHOWN), names }),
        }
      : null,
  };
}

function weeksOf(plan: PlanDoc): WeekLabel[] {
  return [...new Set(plan.assignments.map((assignment: PlanAssignment) => assignment.week))].sort();
}

function summariseUnplaced(plan: PlanDoc): PlanView['unplacedByReason'] {
  const byReason = new Map<string, { reason: string; units: number; lines: number }>();
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

/** The current terms of every order with units the plan left out (what its fixes would change). */
async function readUnplacedOrderTerms(plan: PlanDoc): Promise<Map<string, UnplacedOrderTerms>> {
  const ids = [...new Set(plan.unplaced.map((entry) => String(entry.order)))];
  if (ids.length === 0) return new Map();
  const orders = await Order.find(
    { _id: { $in: ids } },
    { reference: 1, status: 1, shipBy: 1, priority: 1, lines: 1 },
  ).lean<Pick<OrderDoc, '_id' | 'reference' | 'status' | 'shipBy' | 'priority' | 'lines'>[]>();
  return new Map(
    orders.map((order) => [
      String(order._id),
      {
        reference: order.reference,
        status: order.status,
        shipBy: nairobiDateString(order.shipBy),
        priority: order.priority,
        lineLots: new Map(
          order.lines.flatMap((line) => (line.minimumLot ? [[String(line._id), line.minimumLot] as const] : [])),
        ),
      },
    ]),
  );
}
