import { type Types } from 'mongoose';

import { type ProblemInput } from '../../optimizer';
import { readWorkshopFreeMinutes, type WorkshopFreeMinutes } from '../capacity/read-workshop-free-minutes';
import { readHeldMinutes } from '../capacity-check/read-held-minutes';
import { type OrderPriority } from '../domain/order-priority';
import { type Skill } from '../domain/skills';
import { nairobiDateString } from '../domain/weeks';
import { PlanLever } from '../models/plan-lever';
import { Product } from '../models/product';
import { listUncoveredOrderLines, type UncoveredOrderLine } from '../services/orders/list-uncovered-order-lines';
import { runSteps, type Steps } from '../services/run-in-steps';
import { withPlanLevers } from './levers/levers-of-problem';
import { type PlanningHorizon } from './planning-horizon';

/** Optimizer priorities: 3 is most urgent. */
export const PRIORITY_WEIGHT: Record<OrderPriority, 1 | 2 | 3> = { normal: 1, high: 2, rush: 3 };

/** What an optimizer job id stands for in the database. */
export interface PlanningJobRef {
  orderId: Types.ObjectId;
  orderLineId: Types.ObjectId;
  productId: Types.ObjectId;
  reference: string;
  sku: string;
  skill: Skill;
  minutesPerUnit: number;
  pieceRateCents: number;
  units: number;
}

export interface PlanningProblem {
  problem: ProblemInput;
  horizon: PlanningHorizon;
  /** Optimizer job id → order line. */
  jobs: Map<string, PlanningJobRef>;
  /** Optimizer workshop id (the workshop's code) → workshop. */
  workshops: Map<string, WorkshopFreeMinutes>;
  demandUnits: number;
  /** Distinct orders with open demand. */
  orderIds: Types.ObjectId[];
}

/** Open demand as the optimizer's jobs: it does not depend on the instant a plan is made as of. */
export interface PlanningDemand {
  problemJobs: ProblemInput['jobs'];
  /** Optimizer job id → order line. */
  jobs: Map<string, PlanningJobRef>;
  demandUnits: number;
  orderIds: Types.ObjectId[];
}

/**
 * Turns the database's open demand and workshop capacity into the optimizer's problem. Ids are
 * readable (workshop codes, "order reference / SKU") because the optimizer's explanations quote
 * them to the planner; the maps lead back to the documents.
 *
 * Capacity is as of the horizon's `now`: the current week offers only the working time it has
 * left, and a week with none left offers nothing. With the optimizer's own rule (a job may use a
 * week only if that week ends by its due day), a job lands only in weeks that still have working
 * time before it is due. The planners' pins and ruled-out workshops that still apply go into the
 * jobs (see withPlanLevers).
 */
export async function buildPlanningProblem({
  horizon,
  timeLimitMs,
}: {
  horizon: PlanningHorizon;
  timeLimitMs?: number;
}): Promise<PlanningProblem> {
  const [lines, { workshops: capacity }, products, held, levers] = await Promise.all([
    listUncoveredOrderLines(),
    readWorkshopFreeMinutes({ now: horizon.now, weeks: horizon.labels }),
    Product.find({}, { minimumLot: 1 }).lean(),
    readHeldMinutes({ now: horizon.now, weeks: horizon.labels }),
    PlanLever.find({}, { kind: 1, orderLine: 1, workshop: 1, week: 1, quantity: 1 }).lean(),
  ]);
  const minimumLots = new Map(products.map((product) => [String(product._id), product.minimumLot]));
  const demand = runSteps(planningDemandSteps({ lines, minimumLots }));
  return withPlanLevers({ built: assemblePlanningProblem({ horizon, demand, capacity, held, timeLimitMs }), levers });
}

/** Lines turned into jobs in one step (some 10 ms of work; a busy day's open demand is tens of thousands). */
const LINES_PER_STEP = 5_000;

/**
 * The optimizer's jobs for open demand, a few thousand lines a step (see run-in-steps.ts);
 * `minimumLots` maps product ids to their minimum lot.
 */
export function* planningDemandSteps({
  lines,
  minimumLots,
}: {
  lines: readonly UncoveredOrderLine[];
  minimumLots: ReadonlyMap<string, number>;
}): Steps<PlanningDemand> {
  const jobs = new Map<string, PlanningJobRef>();
  const problemJobs: ProblemInput['jobs'] = [];
  const orderIds = new Map<string, Types.ObjectId>();
  // Open lines share a few dozen ship-by days: each is written out as a Nairobi date once.
  const dueDateOf = new Map<number, string>();
  let demandUnits = 0;
  for (const [index, line] of lines.entries()) {
    if (index > 0 && index % LINES_PER_STEP === 0) yield;
    const id = uniqueId(jobs, `${line.reference} / ${line.sku}`);
    jobs.set(id, toJobRef(line));
    const shipByTime = line.shipBy.getTime();
    let dueDate = dueDateOf.get(shipByTime);
    if (dueDate === undefined) {
      dueDate = nairobiDateString(line.shipBy);
      dueDateOf.set(shipByTime, dueDate);
    }
    problemJobs.push({
      id,
      skill: line.skill,
      quantity: line.units,
      minutesPerUnit: line.labourMinutesPerUnit,
      pieceRateCents: line.pieceRateCents,
      dueDate,
      priority: PRIORITY_WEIGHT[line.priority],
      // The product's minimum lot is also the smallest quantity worth giving one workshop in one
      // week, unless a planner allowed this line less.
      minLot: line.minimumLot ?? minimumLots.get(String(line.productId)) ?? 1,
    });
    demandUnits += line.units;
    orderIds.set(String(line.orderId), line.orderId);
  }
  return { problemJobs, jobs, demandUnits, orderIds: [...orderIds.values()] };
}

/**
 * The problem of open demand on the workshops' free capacity less what holds keep (workshop code
 * → minutes per horizon week). The designers' capacity check keeps the demand between questions
 * and puts it together with capacity as of each question's instant.
 */
export function assemblePlanningProblem({
  horizon,
  demand,
  capacity,
  held,
  timeLimitMs,
}: {
  horizon: PlanningHorizon;
  demand: PlanningDemand;
  capacity: readonly WorkshopFreeMinutes[];
  held: ReadonlyMap<string, number[]>;
  timeLimitMs?: number;
}): PlanningProblem {
  const workshops = new Map(capacity.map((workshop) => [workshop.code, workshop]));
  const problem: ProblemInput = {
    horizon: { start: horizon.startDate, weeks: horizon.labels.length },
    workshops: capacity.map((workshop) => ({
      id: workshop.code,
      skills: workshop.skills,
      artisans: workshop.artisans,
      // Designers' capacity holds keep their minutes out of reach of open orders.
      capacityMinutes: workshop.freeMinutes.map((free, week) =>
        Math.max(0, free - (held.get(workshop.code)?.[week] ?? 0)),
      ),
    })),
    jobs: demand.problemJobs,
    ...(timeLimitMs ? { options: { timeLimitMs } } : {}),
  };
  return { problem, horizon, jobs: demand.jobs, workshops, demandUnits: demand.demandUnits, orderIds: demand.orderIds };
}

function toJobRef(line: UncoveredOrderLine): PlanningJobRef {
  return {
    orderId: line.orderId,
    orderLineId: line.orderLineId,
    productId: line.productId,
    reference: line.reference,
    sku: line.sku,
    skill: line.skill,
    minutesPerUnit: line.labourMinutesPerUnit,
    pieceRateCents: line.pieceRateCents,
    units: line.units,
  };
}

/** An order normally names a product once; should it not, later lines get "#2", "#3", … */
function uniqueId(taken: Map<string, unknown>, base: string): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} #${n}`)) n++;
  return `${base} #${n}`;
}
