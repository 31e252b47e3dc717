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
  lines: { orderId: string; reference: string; sku: string; week: WeekLabel; quantity: number }[];
}

export interface UnplacedRow {
  orderId: string;
  reference: string;
  sku: string;
  skill: string;
  quantity: number;
  reason: string;
  detail: string;
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

const matches = (filter: string, ...texts: string[]) =>
  filter === '' || texts.some((text) => text.toLowerCase().includes(filter));

/** The plan's assignments per workshop, with a column per week; most units first. */
export function buildAssignmentRows({
  plan,
  weeks,
  snapshot,
  names,
  filter,
}: {
  plan: PlanDoc;
  weeks: readonly WeekLabel[];
  snapshot: PlanCapacitySnapshotDoc | null;
  names: Names;
  filter: string;
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
      reference: names.orders.get(orderId) ?? orderId,
      sku: names.products.get(String(assignment.product))?.sku ?? 'unknown product',
      week: assignment.week,
      quantity: assignment.quantity,
    });
  }
  return [...rows.values()]
    .filter((row) => matches(filter, row.code, row.name, row.area))
    .map((row) => ({
      ...row,
      lines: row.lines.sort((left, right) => left.week.localeCompare(right.week) || right.quantity - left.quantity),
    }))
    .sort((left, right) => right.units - left.units || left.code.localeCompare(right.code));
}

/** Units left out, largest first, with the optimizer's reason and what would fix it. */
export function buildUnplacedRows({
  plan,
  names,
  filter,
}: {
  plan: PlanDoc;
  names: Names;
  filter: string;
}): UnplacedRow[] {
  return plan.unplaced
    .map((entry) => {
      const orderId = String(entry.order);
      const product = names.products.get(String(entry.product));
      return {
        orderId,
        reference: names.orders.get(orderId) ?? orderId,
        sku: product?.sku ?? 'unknown product',
        skill: product ? SKILL_LABELS[product.requiredSkill] : '',
        quantity: entry.quantity,
        reason: entry.reason,
        detail: entry.detail ?? '',
      };
    })
    .filter((row) => matches(filter, row.reference, row.sku, row.skill, row.reason))
    .sort((left, right) => right.quantity - left.quantity || left.reference.localeCompare(right.reference));
}

/** The diff per workshop, weeks side by side; the workshops changing most first. */
export function buildChangeRows({
  diff,
  weeks,
  names,
  filter,
}: {
  diff: ProposalDiff;
  weeks: readonly WeekLabel[];
  names: Names;
  filter: string;
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
  return [...rows.values()]
    .filter((row) => matches(filter, row.code, row.name))
    .sort(
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
