import { cachedReadModel, droppedBy } from '../dashboard/read-model-cache';
import { PLAN_INPUT_EVENTS } from '../domain/events';
import { moveChangesHeldTime } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { Artisan, type Gender } from '../models/artisan';
import { CapacityHold, type CapacityHoldDoc } from '../models/capacity-hold';
import { Product } from '../models/product';
import { planningDemandSteps, type PlanningDemand } from '../planning/build-planning-problem';
import { listUncoveredOrderLines } from '../services/orders/list-uncovered-order-lines';
import { runStepsAs } from '../services/run-in-steps';

/**
 * What the capacity check reads besides capacity: none of it depends on the instant asked about
 * (expired holds are left out when the network is put together as of `now`).
 */
export interface CheckInputs {
  /** Open demand not yet given to any workshop, as planning's jobs. */
  demand: PlanningDemand;
  /** Every hold still marked held, expired or not. */
  holds: Pick<CapacityHoldDoc, 'reservations' | 'expiresAt'>[];
  artisans: { workshopId: string; skills: Skill[]; weeklyHours: number; gender: Gender }[];
}

export async function readCheckInputs({ background = false }: { background?: boolean } = {}): Promise<CheckInputs> {
  const [lines, products, holds, artisans] = await Promise.all([
    listUncoveredOrderLines({ background }),
    Product.find({}, { minimumLot: 1 }).lean(),
    CapacityHold.find({ status: 'held' }, { reservations: 1, expiresAt: 1 }).lean(),
    Artisan.find({ status: 'active' }, { workshop: 1, skills: 1, weeklyHours: 1, gender: 1 }).lean(),
  ]);
  const minimumLots = new Map(products.map((product) => [String(product._id), product.minimumLot]));
  return {
    demand: await runStepsAs(planningDemandSteps({ lines, minimumLots }), { background }),
    holds,
    artisans: artisans.map((artisan) => ({
      workshopId: String(artisan.workshop),
      skills: artisan.skills,
      weeklyHours: artisan.weeklyHours,
      gender: artisan.gender,
    })),
  };
}

/**
 * Dropped by every event that changes what planning reads (new and cancelled orders, capacity
 * and holds), except a job moving between statuses that both cover its order's units (accepted,
 * in progress, ready…): only a job offered, declined or cancelled changes the open demand.
 * NOTE: a product's minimum lot changes without an event; the age limit bounds that.
 */
const INVALIDATION = droppedBy(PLAN_INPUT_EVENTS, {
  'job:status': (event) => (moveChangesHeldTime(event) ? 'all' : []),
});

/** The inputs kept between questions: reading open demand is most of what a question used to cost. */
export const readKeptCheckInputs = cachedReadModel<void, CheckInputs>({
  name: 'capacity-check-inputs',
  invalidatedBy: INVALIDATION,
  maxAgeMs: 60_000,
  keyOf: () => 'all',
  // Read again after every new order, behind the answers the promise book still gives, so in the
  // background; what jobs cover is kept by rules of its own, which a new order (no jobs) leaves alone.
  compute: () => readCheckInputs({ background: true }),
});
