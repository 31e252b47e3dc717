import { Product, type ProductDoc } from '../../models/product';
import { type PreparedOrder } from './prepare-order';
import { promiseShipDates } from './promise-ship-dates';

/**
 * Gives every line of orders checked by prepareOrder the ship date the network can promise (see
 * promiseShipDates), all the orders asked together as of `now`. Every way an order comes in (the
 * channels' API, HQ's order form, a purchase-order import) promises through here.
 */
export async function promisePreparedOrders({
  now,
  orders,
  products: known = [],
}: {
  now: Date;
  orders: readonly PreparedOrder[];
  /** Products of the lines the caller read a moment ago (prepareOrderReadingProducts); others are read. */
  products?: readonly ProductDoc[];
}): Promise<PreparedOrder[]> {
  const lines = orders.flatMap((order) => order.lines.map((line) => ({ order, line })));
  const productById = new Map(known.map((product) => [String(product._id), product]));
  const missing = [...new Set(lines.map(({ line }) => String(line.product)))].filter((id) => !productById.has(id));
  if (missing.length > 0)
    for (const product of await Product.find({ _id: { $in: missing } }).lean())
      productById.set(String(product._id), product);
  const promised = await promiseShipDates({
    now,
    lines: lines.map(({ order, line }) => {
      // prepareOrder found every product a moment ago; products are never deleted.
      const product = productById.get(String(line.product))!;
      return {
        orderId: String(order._id),
        skill: product.requiredSkill,
        quantity: line.quantity,
        minutesPerUnit: product.labourMinutesPerUnit,
        pieceRateCents: product.pieceRateCents,
        minLot: product.minimumLot,
        shipBy: order.shipBy,
      };
    }),
  });
  let next = 0;
  return orders.map((order) => ({
    ...order,
    lines: order.lines.map((line) => ({ ...line, promisedShipDate: promised[next++] ?? undefined })),
  }));
}
