import { type Types } from 'mongoose';

import { OPEN_ORDER_STATUSES, type OrderStatus } from '../domain/order-status';
import { type Skill } from '../domain/skills';
import { Order, type OrderLine } from '../models/order';
import { Product } from '../models/product';
import { OVERVIEW_MAX_AGE_MS, overviewInvalidation } from './overview-invalidation';
import { readLineCoverage } from './read-line-coverage';
import { cachedReadModel } from './read-model-cache';

export interface OpenOrderLine {
  orderId: string;
  orderStatus: OrderStatus;
  shipBy: Date;
  skill: Skill;
  labourMinutesPerUnit: number;
  ordered: number;
  /** Units no job holds (declined and cancelled jobs hold none). */
  uncovered: number;
  /** Units in jobs that are not made yet (not handed to QC, or failed and waiting for rework). */
  unfinished: number;
}

export interface OpenOrders {
  orders: { orderId: string; status: OrderStatus; shipBy: Date }[];
  lines: OpenOrderLine[];
}

/** Every open order, and each of its lines with what jobs cover of it and what is still to be made. */
export async function readOpenOrders(): Promise<OpenOrders> {
  const [orders, products] = await Promise.all([
    Order.find({ status: { $in: OPEN_ORDER_STATUSES } }, { status: 1, shipBy: 1, lines: 1 }).lean<
      { _id: Types.ObjectId; status: OrderStatus; shipBy: Date; lines: OrderLine[] }[]
    >(),
    Product.find({}, { requiredSkill: 1, labourMinutesPerUnit: 1 }).lean(),
  ]);
  const productById = new Map(products.map((product) => [String(product._id), product]));
  const coverage = await readLineCoverage(orders.map((order) => String(order._id)));

  const lines = orders.flatMap((order) =>
    order.lines.flatMap((line) => {
      const product = productById.get(String(line.product));
      if (!product) return [];
      const held = coverage.get(String(order._id))?.get(String(line._id)) ?? { covered: 0, unfinished: 0 };
      return [
        {
          orderId: String(order._id),
          orderStatus: order.status,
          shipBy: order.shipBy,
          skill: product.requiredSkill,
          labourMinutesPerUnit: product.labourMinutesPerUnit,
          ordered: line.quantity,
          uncovered: Math.max(0, line.quantity - held.covered),
          unfinished: held.unfinished,
        },
      ];
    }),
  );
  return {
    orders: orders.map((order) => ({ orderId: String(order._id), status: order.status, shipBy: order.shipBy })),
    lines,
  };
}

/**
 * The open orders every part of the overview reads (its headline figures, every range of its
 * chart), read once per change rather than once per part and range.
 */
export const readKeptOpenOrders = cachedReadModel<void, OpenOrders>({
  name: 'open-orders',
  invalidatedBy: overviewInvalidation,
  maxAgeMs: OVERVIEW_MAX_AGE_MS,
  keyOf: () => 'all',
  compute: readOpenOrders,
});
