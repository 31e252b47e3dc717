import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { DomainError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { allUnitsPassed, unitsAwaitingPass } from '../../domain/order-readiness';
import { ORDER_TRANSITIONS } from '../../domain/order-status';
import { type Role } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { Order, type OrderDoc } from '../../models/order';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueStatusWebhook } from '../channels/enqueue-status-webhook';
import { runInTransaction } from '../run-in-transaction';
import { readLineProgress } from './read-line-progress';

const MarkOrderShippedInput = z.object({ orderId: objectIdString });

/** HQ finishes, packs and ships: planners do it, admins may. */
export const SHIPPING_ROLES: readonly Role[] = ['planner', 'admin'];

/**
 * HQ marks an order shipped once every unit has passed QC: the status changes, the audit trail
 * and the channel's `order.shipped` webhook are written in one transaction, and `order:status`
 * goes out after the commit. Anything earlier (or a second click) is refused with a 409 saying why.
 */
export async function markOrderShipped({
  actor,
  at,
  ...input
}: z.input<typeof MarkOrderShippedInput> & { actor: Actor; at: Date }): Promise<OrderDoc> {
  const { orderId } = validateInput(MarkOrderShippedInput, input);
  if (!(SHIPPING_ROLES as readonly string[]).includes(actor.role))
    throw new ForbiddenError(`a ${actor.role} cannot mark orders shipped`);

  return runInTransaction(async (unit) => {
    const { session } = unit;
    const order = await Order.findById(orderId, null, { session, lean: true });
    if (!order) throw new NotFoundError('order', orderId);
    if (!ORDER_TRANSITIONS[order.status].includes('shipped'))
      throw new DomainError(
        order.status === 'shipped'
          ? `order ${order.reference} was already shipped`
          : `order ${order.reference} is ${order.status.replace('_', ' ')}: only an order in production can ship`,
      );
    const progress = await readLineProgress({ order, session });
    if (!allUnitsPassed(progress))
      throw new DomainError(
        `order ${order.reference} is not ready to ship: ${unitsAwaitingPass(progress)} units have not passed inspection yet`,
      );
    const updated = await Order.findOneAndUpdate(
      { _id: order._id, status: order.status },
      { $set: { status: 'shipped', shippedAt: at } },
      { session, lean: true, returnDocument: 'after' },
    );
    if (!updated) throw new DomainError(`order ${order.reference} changed while it was being shipped; try again`);
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'order', id: order._id },
      action: 'order.shipped',
      before: { status: order.status },
      after: { status: 'shipped', shippedAt: at },
      at,
    });
    await enqueueStatusWebhook({ session, order: updated, type: 'order.shipped', at });
    unit.publishAfterCommit('order:status', { orderId, from: order.status, to: 'shipped' });
    return updated;
  });
}
