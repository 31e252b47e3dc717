import { readWorkshopFreeMinutes } from '../../capacity/read-workshop-free-minutes';
import { LEVER_IDLE_REASONS, type PlanLeverKind } from '../../domain/plan-levers';
import { type WeekLabel } from '../../domain/weeks';
import { Order } from '../../models/order';
import { PlanLever } from '../../models/plan-lever';
import { Workshop } from '../../models/workshop';
import { listUncoveredOrderLines } from '../../services/orders/list-uncovered-order-lines';
import { planningHorizon } from '../planning-horizon';
import { leverIdleReason } from './levers-of-problem';

/** One pin or rule-out as the proposal page lists it, with whether the next plan run uses it. */
export interface PlanLeverRow {
  id: string;
  kind: PlanLeverKind;
  orderId: string;
  orderLineId: string;
  reference: string;
  sku: string;
  workshopId: string;
  workshopCode: string;
  week: WeekLabel | null;
  quantity: number | null;
  setBy: string;
  setAt: string;
  /** Why the next plan run leaves it out, in words; null while it applies. */
  idle: string | null;
}

/**
 * Every pin and ruled-out workshop kept, by order reference, and whether the next plan run (as of
 * `now`, over the default horizon) applies it, decided as the run itself decides (leverIdleReason).
 */
export async function listPlanLevers({ now }: { now: Date }): Promise<PlanLeverRow[]> {
  const levers = await PlanLever.find({}).sort({ createdAt: 1, _id: 1 }).lean();
  if (levers.length === 0) return [];
  const horizon = planningHorizon({ now });
  const [lines, { workshops: open }, orders, workshops] = await Promise.all([
    listUncoveredOrderLines(),
    readWorkshopFreeMinutes({ now, weeks: horizon.labels }),
    Order.find({ _id: { $in: levers.map((lever) => lever.order) } }, { reference: 1, lines: 1 }).lean(),
    Workshop.find({ _id: { $in: levers.map((lever) => lever.workshop) } }, { code: 1 }).lean(),
  ]);
  const context = {
    openLineIds: new Set(lines.map((line) => String(line.orderLineId))),
    workshopIds: new Set(open.map((workshop) => String(workshop.workshopId))),
    weeks: horizon.labels,
  };
  const orderById = new Map(orders.map((order) => [String(order._id), order]));
  const codeById = new Map(workshops.map((workshop) => [String(workshop._id), workshop.code]));
  return levers
    .map((lever) => {
      const order = orderById.get(String(lever.order));
      const idle = leverIdleReason({ lever, ...context });
      return {
        id: String(lever._id),
        kind: lever.kind,
        orderId: String(lever.order),
        orderLineId: String(lever.orderLine),
        reference: order?.reference ?? String(lever.order),
        sku: order?.lines.find((line) => String(line._id) === String(lever.orderLine))?.sku ?? 'unknown line',
        workshopId: String(lever.workshop),
        workshopCode: codeById.get(String(lever.workshop)) ?? String(lever.workshop),
        week: lever.week ?? null,
        quantity: lever.quantity ?? null,
        setBy: lever.setBy.label,
        setAt: lever.updatedAt.toISOString(),
        idle: idle ? LEVER_IDLE_REASONS[idle] : null,
      };
    })
    .sort((left, right) => left.reference.localeCompare(right.reference) || left.sku.localeCompare(right.sku));
}
