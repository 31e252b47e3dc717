import { type OrderDoc, type OrderLine, type UnmadeOrderLine } from '../../models/order';
import { type PreparedOrder } from './prepare-order';

/** `value` without its keys whose value is undefined: a lean insert would store them as null. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const trimmed = (text: string | undefined) => text?.trim();

/**
 * An order checked and priced by prepareOrder (and promised), as Mongoose's Order schema would
 * store it, written at `at`: its setters applied (strings trimmed, the e-mail lower-cased), its
 * defaults filled, its timestamps set, and no key left undefined. Orders are written lean from
 * this (create-order.ts): building and validating a Mongoose document per order was a large part
 * of an order's cost, and every value here comes from prepareOrder's checks.
 * stored-order.test.ts holds it to what Mongoose itself makes of the same order.
 */
export function storedOrder({ order, at }: { order: PreparedOrder; at: Date }): OrderDoc {
  const { customer } = order;
  return defined({
    ...order,
    reference: order.reference.trim(),
    partner: trimmed(order.partner),
    customer: defined({
      name: customer.name.trim(),
      store: trimmed(customer.store),
      email: trimmed(customer.email)?.toLowerCase(),
      country: customer.country,
    }),
    lines: order.lines.map((line): OrderLine => defined({ ...line })),
    unmadeLines: order.unmadeLines?.map((line): UnmadeOrderLine => ({
      sku: line.sku.trim(),
      title: line.title.trim(),
      quantity: line.quantity,
    })),
    priority: order.priority ?? 'normal',
    notes: trimmed(order.notes),
    externalRef: trimmed(order.externalRef),
    status: order.status ?? 'open',
    createdAt: at,
    updatedAt: at,
  });
}
