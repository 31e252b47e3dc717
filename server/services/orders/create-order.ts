import { type Actor } from '../../domain/actor';
import { ValidationError } from '../../domain/errors';
import { isoWeekLabel } from '../../domain/weeks';
import { Order, type OrderDoc } from '../../models/order';
import { type AuditEntry, recordAuditEvents } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction, type UnitOfWork } from '../run-in-transaction';
import { type OrderInput, prepareOrder, type PreparedOrder } from './prepare-order';
import { storedOrder } from './stored-order';

export type CreateOrderInput = OrderInput;

/**
 * Writes a prepared order inside the caller's unit of work, with its audit entry, and queues
 * order:created for after the commit. For callers that write more in the same transaction (the
 * channels' API records the idempotency key with the order).
 */
export async function insertOrder({
  unit,
  order,
  actor,
}: {
  unit: UnitOfWork;
  order: PreparedOrder;
  actor: Actor;
}): Promise<OrderDoc> {
  const [created] = await Order.create([order], { session: unit.session });
  const after = created.toObject();
  await auditAndAnnounce({ unit, written: [{ order, actor, after }] });
  return after;
}

/**
 * insertOrder for channel orders, the many-a-second path: one insert for all of them (channel
 * orders that arrive together, see write-arriving-channel-orders.ts), one audit write per actor,
 * and each order written lean, as storedOrder shapes it, without a Mongoose document built and
 * validated per order.
 */
export async function insertOrders({
  unit,
  orders,
}: {
  unit: UnitOfWork;
  orders: readonly { order: PreparedOrder; actor: Actor }[];
}): Promise<OrderDoc[]> {
  const at = new Date();
  const written = orders.map(({ order, actor }) => ({ order, actor, after: storedOrder({ order, at }) }));
  await Order.insertMany(
    written.map(({ after }) => after),
    { session: unit.session, lean: true },
  );
  await auditAndAnnounce({ unit, written });
  return written.map(({ after }) => after);
}

async function auditAndAnnounce({
  unit,
  written,
}: {
  unit: UnitOfWork;
  written: readonly { order: PreparedOrder; actor: Actor; after: OrderDoc }[];
}): Promise<void> {
  const byActor = new Map<string, { actor: Actor; entries: AuditEntry[] }>();
  for (const { order, actor, after } of written) {
    const key = JSON.stringify(actor);
    const group = byActor.get(key) ?? { actor, entries: [] };
    group.entries.push({ entity: { kind: 'order', id: order._id }, action: 'order.created', after });
    byActor.set(key, group);
  }
  for (const { actor, entries } of byActor.values()) await recordAuditEvents({ session: unit.session, actor, entries });
  for (const { order } of written)
    unit.publishAfterCommit('order:created', {
      orderId: String(order._id),
      source: order.source,
      shipByWeek: isoWeekLabel(order.shipBy),
      units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    });
}

/**
 * Records an order from the web shop or a retail partner (see prepareOrder for the checks and
 * prices).
 */
export async function createOrder({ actor, ...input }: CreateOrderInput & { actor: Actor }): Promise<OrderDoc> {
  const order = await prepareOrder(input);
  try {
    return await runInTransaction((unit) => insertOrder({ unit, order, actor }));
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw ValidationError.forField('reference', `${order.reference} is already used by another order`);
    throw error;
  }
}
