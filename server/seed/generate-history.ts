import { addDays, addMinutes } from 'date-fns';
import { type Types } from 'mongoose';

import { SKILLS, type Skill } from '../domain/skills';
import { type InspectionDoc } from '../models/inspection';
import { type JobDoc } from '../models/job';
import { type OrderDoc } from '../models/order';
import { type PaymentDoc } from '../models/payment';
import { type ProductDoc } from '../models/product';
import { type WorkshopDoc } from '../models/workshop';
import { allocateOrder } from './allocate-order';
import { createArtisanWeekPool, type SchedulableArtisan } from './artisan-week-pool';
import { buildOrderLines, buildRetailOrder, buildWebOrder, cancelOrderDraft } from './build-orders';
import { declinedOffer } from './declined-offer';
import { retailRequests, webRequests } from './order-requests';
import { historicalUtilisation, productionWeek } from './production-calendar';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';
import { settleOrderStatus } from './settle-order-status';
import { simulateJob, type JobPlan } from './simulate-job';

export interface GeneratedHistory {
  /** Order numbers used so far, so later orders continue the sequence. */
  orderCount: number;
  orders: OrderDoc[];
  jobs: JobDoc[];
  inspections: InspectionDoc[];
  payments: PaymentDoc[];
}

export interface HistoryInput {
  random: Random;
  ids: SeededObjectId;
  /** Monday 00:00 in Nairobi of the current week. */
  referenceDate: Date;
  /** The moment the network is simulated up to: nothing later has happened. */
  now: Date;
  historyWeeks: number;
  artisans: readonly SchedulableArtisan[];
  workshops: readonly WorkshopDoc[];
  products: readonly ProductDoc[];
  /** Products on sale at a date (those of launched collections). */
  productsOnSale: (at: Date) => ProductDoc[];
  officerFor: (workshopId: Types.ObjectId) => Types.ObjectId;
  /** The committed plan holding this week's and next week's jobs. */
  currentPlanId: Types.ObjectId;
  /** Share of capacity already committed in the current week and the next. */
  committedShare: { current: number; next: number };
  /** Told the share of the weeks built so far. */
  onWeek?: (share: number) => void;
}

/** Placed some days before it ships, and never after the reference date. */
function placedBefore({
  random,
  shipBy,
  days,
  referenceDate,
}: {
  random: Random;
  shipBy: Date;
  days: [number, number];
  referenceDate: Date;
}): Date {
  const placedAt = addDays(shipBy, -random.between(days[0], days[1]));
  const latest = addMinutes(referenceDate, -120);
  return placedAt < latest ? placedAt : addMinutes(latest, -random.int(0, 6 * 24 * 60));
}

/**
 * The network's past, week by week, up to its now: partners' purchase orders and web orders,
 * jobs given to the artisans free for them, QC, payments. The current and next week's jobs come
 * from the plan committed last Friday and have progressed as far as `now`.
 */
export async function generateHistory(input: HistoryInput): Promise<GeneratedHistory> {
  const { random, ids, referenceDate } = input;
  const history: GeneratedHistory = { orderCount: 0, orders: [], jobs: [], inspections: [], payments: [] };
  const goldPlated = new Set(
    input.products.filter((product) => product.goldPlated).map((product) => String(product._id)),
  );
  const lastWorked = new Map<SchedulableArtisan, number>();
  let orderCount = 0;
  let jobCount = 0;
  let declinedCount = 0;
  const nextJobIndex = () => jobCount++;

  for (let index = -input.historyWeeks; index <= 1; index++) {
    // A week at a time, giving the event loop back in between: a server loading the demo
    // network keeps answering (its preparing page, /healthz) while the year is built.
    await new Promise((resolve) => setImmediate(resolve));
    input.onWeek?.((index + input.historyWeeks) / (input.historyWeeks + 2));
    const week = productionWeek({ referenceDate, index });
    const pool = createArtisanWeekPool({
      artisans: input.artisans,
      weekIndex: index,
      share: week.share,
      lastWorked,
      random,
    });
    const utilisation =
      index === 0
        ? input.committedShare.current
        : index === 1
          ? input.committedShare.next
          : historicalUtilisation({ random, week });
    const budget = new Map<Skill, number>(SKILLS.map((skill) => [skill, utilisation * pool.minutesLeft(skill)]));
    const planId = index >= 0 ? input.currentPlanId : undefined;
    const made: { order: OrderDoc; plans: JobPlan[] }[] = [];

    for (let misses = 0; misses < 25;) {
      const placedAt = placedBefore({ random, shipBy: week.shipBy, days: [12, 28], referenceDate });
      const requests = retailRequests({ random, onSale: input.productsOnSale(placedAt), budget });
      if (requests.length === 0) {
        misses++;
        continue;
      }
      const orderIndex = orderCount++;
      const draft = {
        id: ids('order', orderIndex, placedAt),
        index: orderIndex,
        placedAt,
        shipBy: week.shipBy,
        status: 'planned' as const,
      };
      if (index < 0 && random.chance(0.02)) {
        const lines = buildOrderLines({ ids, orderIndex, placedAt, requests, wholesale: true });
        history.orders.push(cancelOrderDraft({ random, order: buildRetailOrder({ random, draft, lines }) }));
        continue;
      }
      const { lines, plans } = allocateOrder({
        ids,
        pool,
        week,
        orderId: draft.id,
        orderIndex,
        placedAt,
        requests,
        wholesale: true,
        nextJobIndex,
        planId,
      });
      if (lines.length > 0) made.push({ order: buildRetailOrder({ random, draft, lines }), plans });
    }

    const webOrders = index <= 0 ? Math.round(random.between(25, 45) * (0.72 + utilisation)) : 0;
    for (let count = 0; count < webOrders; count++) {
      const placedAt = placedBefore({ random, shipBy: week.shipBy, days: [9, 20], referenceDate });
      const requests = webRequests({ random, onSale: input.productsOnSale(placedAt) });
      const orderIndex = orderCount++;
      const draft = {
        id: ids('order', orderIndex, placedAt),
        index: orderIndex,
        placedAt,
        shipBy: week.shipBy,
        status: 'planned' as const,
      };
      const { lines, plans } = allocateOrder({
        ids,
        pool,
        week,
        orderId: draft.id,
        orderIndex,
        placedAt,
        requests,
        wholesale: false,
        nextJobIndex,
        planId,
      });
      if (lines.length > 0) made.push({ order: buildWebOrder({ random, draft, lines }), plans });
    }

    for (const { order, plans } of made) {
      const jobs: JobDoc[] = [];
      for (const plan of plans) {
        const { job, inspections, payment } = simulateJob({
          random,
          ids,
          plan,
          officer: input.officerFor(plan.workshop),
          now: input.now,
        });
        const declined =
          index < 0 && random.chance(0.03)
            ? declinedOffer({ random, ids, index: declinedCount++, job, workshops: input.workshops })
            : null;
        if (declined) history.jobs.push(declined);
        jobs.push(job);
        history.inspections.push(...inspections);
        if (payment) history.payments.push(payment);
      }
      history.jobs.push(...jobs);
      const plated = plans.some((plan) => goldPlated.has(String(plan.product)));
      history.orders.push(settleOrderStatus({ random, order, jobs, goldPlated: plated, now: input.now }));
    }
  }
  history.orderCount = orderCount;
  return history;
}
