import { cachedReadModel } from '../dashboard/read-model-cache';
import { IMPACT_SHIPPED_ORDER_EVENTS } from '../domain/events';
import { ORDER_SOURCES, type OrderSource } from '../domain/order-source';
import { Order } from '../models/order';

export interface OnTimeCount {
  total: number;
  onTime: number;
}

/** Every shipped order as three columns, in the order of their shipping instants. */
export interface ShippedOrders {
  shippedAt: Float64Array;
  /** Index of the order's channel in ORDER_SOURCES. */
  channel: Uint8Array;
  /** 1 when the order shipped by its ship-by instant. */
  onTime: Uint8Array;
}

async function loadShippedOrders(): Promise<ShippedOrders> {
  const orders = await Order.find({ status: 'shipped' }, { _id: 0, source: 1, shippedAt: 1, shipBy: 1 }).lean();
  const shipped = orders
    .filter((order) => order.shippedAt instanceof Date)
    .map((order) => ({
      at: order.shippedAt!.getTime(),
      channel: ORDER_SOURCES.indexOf(order.source),
      onTime: order.shippedAt! <= order.shipBy ? 1 : 0,
    }))
    .sort((left, right) => left.at - right.at);
  return {
    shippedAt: Float64Array.from(shipped, (order) => order.at),
    channel: Uint8Array.from(shipped, (order) => order.channel),
    onTime: Uint8Array.from(shipped, (order) => order.onTime),
  };
}

/** The first index whose shipping instant is at or after `instant`. */
function firstAtOrAfter(times: Float64Array, instant: number): number {
  let [low, high] = [0, times.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Orders shipped in [from, to), by channel (channels with none left out), and how many by their ship-by day. */
export function countShippedOrders(orders: ShippedOrders, { from, to }: { from: Date; to: Date }) {
  const counts = new Map<OrderSource, OnTimeCount>();
  const end = firstAtOrAfter(orders.shippedAt, to.getTime());
  for (let index = firstAtOrAfter(orders.shippedAt, from.getTime()); index < end; index++) {
    const channel = ORDER_SOURCES[orders.channel[index]];
    let count = counts.get(channel);
    if (!count) counts.set(channel, (count = { total: 0, onTime: 0 }));
    count.total += 1;
    count.onTime += orders.onTime[index];
  }
  return counts;
}

/**
 * The shipped orders kept between reports, in place of an aggregate over the orders for every
 * range of every report: an order ships once (`order:status`), and its ship-by day changes only
 * before (`order:changed`). Read with the work rows' revision as key (a reseed moves it).
 */
export const shippedOrdersInMemory = cachedReadModel<string | null, ShippedOrders>({
  name: 'impact-shipped-orders',
  invalidatedBy: IMPACT_SHIPPED_ORDER_EVENTS,
  // No age limit: what changes it announces itself, or moves the revision (a reseed).
  maxAgeMs: Infinity,
  keyOf: (revision) => revision ?? '',
  compute: loadShippedOrders,
  maxKept: 1,
});
