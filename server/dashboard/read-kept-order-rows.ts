import { Types } from 'mongoose';

import { Order } from '../models/order';
import { ORDER_ROW_PROJECTION, toOrderRows, type OrderRow, type OrderRowSource } from './order-rows';
import { cachedBatchReadModel } from './read-model-cache';

/**
 * The orders table's rows, kept per order: a planner paging through a list, and the others who
 * open the same orders, read neither the orders nor their jobs' progress again until something
 * names the order. Its status, terms or cancellation and its jobs moving (an inspection or a
 * payment moves the job too) drop its row; a commit, which plans many orders at once, and
 * capacity changes (jobs offered, holds placed) drop them all. Null for an order no longer there.
 */
export const readKeptOrderRows = cachedBatchReadModel<OrderRow | null>({
  name: 'order-rows',
  invalidatedBy: {
    'order:cancelled': (event) => [event.orderId],
    'order:changed': (event) => [event.orderId],
    'order:status': (event) => [event.orderId],
    'job:status': (event) => [event.orderId],
    'inspection:recorded': 'all',
    'plan:committed': 'all',
    'capacity:changed': 'all',
  },
  // The age limit covers what announces nothing here (the catalogue, a hand edit).
  maxAgeMs: 30_000,
  // Rows are a few hundred bytes: every open order of a busy network, and the pages people revisit.
  maxKept: 5_000,
  computeMany: async (ids) => {
    const found = await Order.find(
      { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } },
      ORDER_ROW_PROJECTION,
    ).lean<OrderRowSource[]>();
    const rows = new Map((await toOrderRows(found)).map((row) => [row.id, row]));
    return new Map(ids.map((id) => [id, rows.get(id) ?? null]));
  },
});
