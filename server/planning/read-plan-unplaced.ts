import { cachedReadModel } from '../dashboard/read-model-cache';
import { OPEN_ORDER_STATUSES } from '../domain/order-status';
import { nairobiDateString } from '../domain/weeks';
import { Order, type OrderDoc } from '../models/order';
import { type PlanContents, readPlanContents } from './plan-contents';
import { buildUnplacedRows, type UnplacedOrderTerms, type UnplacedRow } from './plan-view-rows';

/**
 * A plan's unplaced units with their orders' terms as they stand now (ship-by, priority, lots,
 * whether the order is still open: what the fixes offered depend on), every row, largest first.
 * Kept per plan until an order's terms change: a planner's fix (order:changed), a cancellation,
 * or an order leaving or re-entering the open statuses (other status moves change no fix).
 */
export const readPlanUnplacedRows = cachedReadModel<{ planId: string }, UnplacedRow[]>({
  name: 'plan-unplaced-rows',
  invalidatedBy: {
    'plan:proposed': 'all',
    'plan:committed': 'all',
    'order:changed': 'all',
    'order:cancelled': 'all',
    'order:status': ({ from, to }) => (isOpen(from) === isOpen(to) ? [] : 'all'),
  },
  maxAgeMs: 60_000,
  keyOf: ({ planId }) => planId,
  maxKept: 8,
  compute: async ({ planId }) => {
    const contents = await readPlanContents({ planId });
    if (!contents) return [];
    return buildUnplacedRows({ plan: contents, names: contents.names, terms: await readUnplacedOrderTerms(contents) });
  },
});

const isOpen = (status: OrderDoc['status']) => OPEN_ORDER_STATUSES.includes(status);

/** The current terms of every order with units the plan left out (what its fixes would change). */
async function readUnplacedOrderTerms(plan: Pick<PlanContents, 'unplaced'>): Promise<Map<string, UnplacedOrderTerms>> {
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
