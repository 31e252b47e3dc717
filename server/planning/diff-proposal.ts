import { type Types } from 'mongoose';

import { CAPACITY_HOLDING_STATUSES, ENDED_WITHOUT_WORK_STATUSES } from '../domain/job-status';
import { type WeekLabel } from '../domain/weeks';
import { Job } from '../models/job';
import { Plan, type PlanAssignment } from '../models/plan';

/** One workshop-week the proposal changes. */
export interface WorkshopWeekChange {
  workshopId: string;
  week: WeekLabel;
  /** Units of live jobs there now. */
  committedUnits: number;
  /** Units the proposal would add. */
  addedUnits: number;
  /** Units of jobs declined or cancelled there since the last commit: work that left. */
  removedUnits: number;
  /** Units there once the proposal is committed. */
  afterUnits: number;
}

/** An order line whose work left one workshop (declined or cancelled) and the proposal gives to another. */
export interface LineMove {
  orderId: string;
  orderLineId: string;
  productId: string;
  fromWorkshopIds: string[];
  toWorkshopIds: string[];
  units: number;
}

export interface ProposalDiff {
  baseline: { planId: string; committedAt: string } | null;
  changes: WorkshopWeekChange[];
  moves: LineMove[];
  totals: { addedUnits: number; removedUnits: number; workshopsGaining: number; workshopsLosing: number };
}

/**
 * What committing a proposal changes against the committed plan and the jobs as they are now,
 * per workshop and week. A proposal only places demand no live job covers, so it adds work;
 * work is removed by jobs declined or cancelled since the last commit, and an order line whose
 * job ended in one workshop and that the proposal gives to another is a move.
 */
export async function diffProposal({
  assignments,
  weeks,
}: {
  assignments: readonly PlanAssignment[];
  weeks: readonly WeekLabel[];
}): Promise<ProposalDiff> {
  const baseline = await Plan.findOne({ status: 'committed' }, { committedAt: 1 }).sort({ committedAt: -1 }).lean();
  const since = baseline?.committedAt;
  const [live, ended] = await Promise.all([
    Job.aggregate<{ _id: { workshop: Types.ObjectId; week: WeekLabel }; units: number }>([
      { $match: { plannedWeek: { $in: weeks }, status: { $in: CAPACITY_HOLDING_STATUSES } } },
      { $group: { _id: { workshop: '$workshop', week: '$plannedWeek' }, units: { $sum: '$quantity' } } },
    ]),
    Job.find(
      {
        plannedWeek: { $in: weeks },
        status: { $in: ENDED_WITHOUT_WORK_STATUSES },
        ...(since ? { updatedAt: { $gte: since } } : {}),
      },
      { workshop: 1, plannedWeek: 1, quantity: 1, order: 1, orderLine: 1, product: 1 },
    ).lean(),
  ]);

  const cells = new Map<string, WorkshopWeekChange>();
  const cellFor = (workshopId: string, week: WeekLabel) => {
    const key = `${workshopId}|${week}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { workshopId, week, committedUnits: 0, addedUnits: 0, removedUnits: 0, afterUnits: 0 };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const assignment of assignments)
    cellFor(String(assignment.workshop), assignment.week).addedUnits += assignment.quantity;
  for (const job of ended) cellFor(String(job.workshop), job.plannedWeek).removedUnits += job.quantity;
  const liveUnits = new Map(live.map((row) => [`${String(row._id.workshop)}|${row._id.week}`, row.units]));
  for (const [key, cell] of cells) {
    cell.committedUnits = liveUnits.get(key) ?? 0;
    cell.afterUnits = cell.committedUnits + cell.addedUnits;
  }

  const changes = [...cells.values()].sort(
    (left, right) =>
      right.addedUnits + right.removedUnits - (left.addedUnits + left.removedUnits) ||
      left.week.localeCompare(right.week),
  );
  const gaining = new Set(changes.filter((cell) => cell.addedUnits > 0).map((cell) => cell.workshopId));
  const losing = new Set(changes.filter((cell) => cell.removedUnits > 0).map((cell) => cell.workshopId));
  return {
    baseline: baseline?.committedAt
      ? { planId: String(baseline._id), committedAt: baseline.committedAt.toISOString() }
      : null,
    changes,
    moves: findMoves({ assignments, ended }),
    totals: {
      addedUnits: changes.reduce((sum, cell) => sum + cell.addedUnits, 0),
      removedUnits: changes.reduce((sum, cell) => sum + cell.removedUnits, 0),
      workshopsGaining: gaining.size,
      workshopsLosing: losing.size,
    },
  };
}

function findMoves({
  assignments,
  ended,
}: {
  assignments: readonly PlanAssignment[];
  ended: readonly {
    workshop: Types.ObjectId;
    orderLine: Types.ObjectId;
    order: Types.ObjectId;
    product: Types.ObjectId;
  }[];
}): LineMove[] {
  const endedByLine = new Map<string, Set<string>>();
  for (const job of ended) {
    const key = String(job.orderLine);
    endedByLine.set(key, (endedByLine.get(key) ?? new Set()).add(String(job.workshop)));
  }
  const moves = new Map<string, LineMove>();
  for (const assignment of assignments) {
    const line = String(assignment.orderLine);
    const from = endedByLine.get(line);
    const to = String(assignment.workshop);
    if (!from || from.has(to)) continue;
    const move = moves.get(line) ?? {
      orderId: String(assignment.order),
      orderLineId: line,
      productId: String(assignment.product),
      fromWorkshopIds: [...from],
      toWorkshopIds: [],
      units: 0,
    };
    if (!move.toWorkshopIds.includes(to)) move.toWorkshopIds.push(to);
    move.units += assignment.quantity;
    moves.set(line, move);
  }
  return [...moves.values()].sort((left, right) => right.units - left.units);
}
