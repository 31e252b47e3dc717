import { addDays, format, parseISO } from 'date-fns';

import { nextOrderPriority, type OrderPriority } from '../domain/order-priority';
import { OPEN_ORDER_STATUSES, type OrderStatus } from '../domain/order-status';
import { SKILL_LABELS, type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { type PlanDoc } from '../models/plan';
import { type PlanCapacitySnapshotDoc } from '../models/plan-capacity-snapshot';
import { type LineMove, type ProposalDiff } from './diff-proposal';

/** Ids to what people call things: workshop codes, product SKUs, order references. */
export interface Names {
  workshops: Map<string, { code: string; name: string; area: string }>;
  products: Map<string, { sku: string; name: string; requiredSkill: Skill }>;
  orders: Map<string, string>;
}

export interface AssignmentRow {
  workshopId: string;
  code: string;
  name: string;
  area: string;
  artisans: number | null;
  /** One entry per horizon week; freeMinutes is what the workshop had free when planned. */
  weeks: { units: number; minutes: number; freeMinutes: number | null }[];
  units: number;
  minutes: number;
  earningsCents: number;
  lines: {
    orderId: string;
    orderLineId: string;
    reference: string;
    sku: string;
    week: WeekLabel;
    quantity: number;
    /** Units a planner pinned here; 0 when none. */
    pinned: number;
  }[];
}

/** An unplaced line's order as it stands now: the terms a planner's fix would change. */
export interface UnplacedOrderTerms {
  reference: string;
  status: OrderStatus;
  /** YYYY-MM-DD in Nairobi. */
  shipBy: string;
  priority: OrderPriority;
  /** Lots a planner already allowed, per order line id. */
  lineLots: Map<string, number>;
}

/** A change that would let planning place (more of) the units, offered as a button. */
export type UnplacedFix =
  | { change: 'ship-by'; shipBy: string }
  | { change: 'priority'; priority: OrderPriority }
  | { change: 'line-lot'; orderLineId: string; minimumLot: number };

export interface UnplacedRow {
  orderId: string;
  orderLineId: string;
  reference: string;
  sku: string;
  productName: string;
  skill: string;
  quantity: number;
  /** The order's ship-by day (YYYY-MM-DD) and priority now, which may differ from when planned. */
  shipBy: string | null;
  priority: OrderPriority | null;
  reason: string;
  detail: string;
  /** The fixes the planner may apply here; none once the order is no longer open. */
  fixes: UnplacedFix[];
}

/** One workshop the proposal changes, with a cell per horizon week. */
export interface ChangeRow {
  workshopId: string;
  code: string;
  name: string;
  weeks: { committedUnits: number; addedUnits: number; removedUnits: number; afterUnits: number }[];
  addedUnits: number;
  removedUnits: number;
}

export interface MoveRow {
  orderId: string;
  reference: string;
  sku: string;
  from: string[];
  to: string[];
  units: number;
}

/** The plan's assignments per workshop, with a column per week; most units first (searched in plan-view-search.ts). */
export function buildAssignmentRows({
  plan,
  weeks,
  snapshot,
  names,
}: {
  plan: Pick<PlanDoc, 'assignments'>;
  weeks: readonly WeekLabel[];
  snapshot: Pick<PlanCapacitySnapshotDoc, 'workshops'> | null;
  names: Names;
}): AssignmentRow[] {
  const capacity = new Map((snapshot?.workshops ?? []).map((entry) => [String(entry.workshop), entry]));
  const weekIndex = new Map(weeks.map((week, index) => [week, index]));
  const rows = new Map<string, AssignmentRow>();
  for (const assignment of plan.assignments) {
    const workshopId = String(assignment.workshop);
    let row = rows.get(workshopId);
    if (!row) {
      const workshop = names.workshops.get(workshopId);
      const seen = capacity.get(workshopId);
      row = {
        workshopId,
        code: workshop?.code ?? workshopId,
        name: workshop?.name ?? 'unknown workshop',
        area: workshop?.area ?? '',
        artisans: seen?.artisans ?? null,
        weeks: weeks.map((_, index) => ({ units: 0, minutes: 0, freeMinutes: seen?.freeMinutes[index] ?? null })),
        units: 0,
        minutes: 0,
        earningsCents: 0,
        lines: [],
      };
      rows.set(workshopId, row);
    }
    const cell = row.weeks[weekIndex.get(assignment.week) ?? -1];
    if (cell) {
      cell.units += assignment.quantity;
      cell.minutes += assignment.minutes;
    }
    row.units += assignment.quantity;
    row.minutes += assignment.minutes;
    row.earningsCents += assignment.quantity * assignment.pieceRateCents;
    const orderId = String(assignment.order);
    row.lines.push({
      orderId,
      orderLineId: String(assignment.orderLine),
      reference: names.orders.get(orderId) ?? orderId,
      sku: names.products.get(String(assignment.product))?.sku ?? 'unknown product',
      week: assignment.week,
      quantity: assignment.quantity,
      pinned: assignment.pinned ?? 0,
    });
  }
  return [...rows.values()]
    .map((row) => ({
      ...row,
      lines: row.lines.sort((left, right) => left.week.localeCompare(right.week) || right.quantity - left.quantity),
    }))
    .sort((left, right) => right.units - left.units || left.code.localeCompare(right.code));
}

/** Units left out, largest first, with the optimizer's reason and the fixes a planner may apply. */
export function buildUnplacedRows({
  plan,
  names,
  terms,
}: {
  plan: Pick<PlanDoc, 'unplaced'>;
  names: Names;
  terms: Map<string, UnplacedOrderTerms>;
}): UnplacedRow[] {
  return plan.unplaced
    .map((entry) => {
      const orderId = String(entry.order);
      const orderLineId = String(entry.orderLine);
      const product = names.products.get(String(entry.product));
      const order = terms.get(orderId);
      return {
        orderId,
        orderLineId,
        reference: order?.reference ?? names.orders.get(orderId) ?? orderId,
        sku: product?.sku ?? 'unknown product',
        productName: product?.name ?? 'a product no longer in the catalogue',
        skill: product ? SKILL_LABELS[product.requiredSkill] : '',
        quantity: entry.quantity,
        shipBy: order?.shipBy ?? null,
        priority: order?.priority ?? null,
        reason: entry.reason,
        detail: entry.detail ?? '',
        fixes: order ? fixesFor({ entry, orderLineId, order }) : [],
      };
    })
    .sort((left, right) => right.quantity - left.quantity || left.reference.localeCompare(right.reference));
}

/** Days a "move ship-by" fix moves an order when the optimizer named no day of its own. */
const SHIP_BY_STEP_DAYS = 7;

/**
 * The fixes worth offering for units left out for `reason`: the lot the optimizer named, the
 * ship-by day it named (or a week later when capacity ran short), a higher priority (which lets
 * the order displace less urgent work). Never a change the order already has.
 */
function fixesFor({
  entry,
  orderLineId,
  order,
}: {
  entry: PlanDoc['unplaced'][number];
  orderLineId: string;
  order: UnplacedOrderTerms;
}): UnplacedFix[] {
  if (!OPEN_ORDER_STATUSES.includes(order.status)) return [];
  const fixes: UnplacedFix[] = [];
  const allowedLot = order.lineLots.get(orderLineId);
  if (entry.suggestedMinimumLot && (allowedLot === undefined || entry.suggestedMinimumLot < allowedLot)) {
    fixes.push({ change: 'line-lot', orderLineId, minimumLot: entry.suggestedMinimumLot });
  }
  if (entry.reason === 'deadline' || entry.reason === 'capacity') {
    const later = entry.suggestedShipBy ?? format(addDays(parseISO(order.shipBy), SHIP_BY_STEP_DAYS), 'yyyy-MM-dd');
    if (later > order.shipBy) fixes.push({ change: 'ship-by', shipBy: later });
  }
  if (entry.reason === 'capacity') {
    const higher = nextOrderPriority(order.priority);
    if (higher) fixes.push({ change: 'priority', priority: higher });
  }
  return fixes;
}

/** The diff per workshop, weeks side by side; the workshops changing most first. */
export function buildChangeRows({
  diff,
  weeks,
  names,
}: {
  diff: ProposalDiff;
  weeks: readonly WeekLabel[];
  names: Names;
}): ChangeRow[] {
  const weekIndex = new Map(weeks.map((week, index) => [week, index]));
  const rows = new Map<string, ChangeRow>();
  for (const change of diff.changes) {
    const index = weekIndex.get(change.week);
    if (index === undefined) continue;
    let row = rows.get(change.workshopId);
    if (!row) {
      const workshop = names.workshops.get(change.workshopId);
      row = {
        workshopId: change.workshopId,
        code: workshop?.code ?? change.workshopId,
        name: workshop?.name ?? 'unknown workshop',
        weeks: weeks.map(() => ({ committedUnits: 0, addedUnits: 0, removedUnits: 0, afterUnits: 0 })),
        addedUnits: 0,
        removedUnits: 0,
      };
      rows.set(change.workshopId, row);
    }
    const { committedUnits, addedUnits, removedUnits, afterUnits } = change;
    row.weeks[index] = { committedUnits, addedUnits, removedUnits, afterUnits };
    row.addedUnits += addedUnits;
    row.removedUnits += removedUnits;
  }
  return [...rows.values()].sort(
    (left, right) =>
      right.addedUnits + right.removedUnits - (left.addedUnits + left.removedUnits) ||
      left.code.localeCompare(right.code),
  );
}

export function buildMoveRows({ moves, names }: { moves: readonly LineMove[]; names: Names }): MoveRow[] {
  const codeOf = (id: string) => names.workshops.get(id)?.code ?? id;
  return moves.map((move) => ({
    orderId: move.orderId,
    reference: names.orders.get(move.orderId) ?? move.orderId,
    sku: names.products.get(move.productId)?.sku ?? 'unknown product',
    from: move.fromWorkshopIds.map(codeOf),
    to: move.toWorkshopIds.map(codeOf),
    units: move.units,
  }));
}
