import { z } from 'zod';

import { calendarDayString } from '../../capacity/calendar-days';
import { type Actor } from '../../domain/actor';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { ORDER_PRIORITIES } from '../../domain/order-priority';
import { OPEN_ORDER_STATUSES } from '../../domain/order-status';
import { mayPlan } from '../../domain/roles';
import { shipByInstant } from '../../domain/ship-by';
import { validateInput } from '../../domain/validate-input';
import { nairobiDateString } from '../../domain/weeks';
import { Order, type OrderDoc } from '../../models/order';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';

/**
 * The changes a planner may make to an open order so that planning can place units it could
 * not: a later ship-by day, a higher priority, a smaller lot for one line. They are the fixes the
 * proposal page offers beside its unplaced units.
 */
const PlanningAdjustment = z.discriminatedUnion('change', [
  z.object({ change: z.literal('ship-by'), shipBy: calendarDayString }),
  z.object({ change: z.literal('priority'), priority: z.enum(ORDER_PRIORITIES) }),
  z.object({
    change: z.literal('line-lot'),
    orderLineId: objectIdString,
    minimumLot: z.coerce.number().int('must be a whole number of units').min(1, 'must be at least 1 unit'),
  }),
]);

const AdjustOrderInput = z.object({ orderId: objectIdString, adjustment: PlanningAdjustment });

export type PlanningAdjustment = z.input<typeof PlanningAdjustment>;

export async function adjustOrderForPlanning({
  actor,
  now,
  ...input
}: z.input<typeof AdjustOrderInput> & { actor: Actor; now: Date }): Promise<{ order: OrderDoc; summary: string }> {
  const { orderId, adjustment } = validateInput(AdjustOrderInput, input);
  if (actor.role !== 'system' && !mayPlan(actor.role))
    throw new ForbiddenError(`a ${actor.role} cannot change orders for planning`);

  return runInTransaction(async (unit) => {
    const { session } = unit;
    const order = await Order.findById(orderId, null, { session, lean: true });
    if (!order) throw new NotFoundError('order', orderId);
    if (!OPEN_ORDER_STATUSES.includes(order.status)) {
      throw new DomainError(`order ${order.reference} is ${order.status}: there is nothing left to plan`);
    }
    const { set, before, after, summary } = describeChange({ order, adjustment, now });
    const updated = await Order.findOneAndUpdate(
      { _id: order._id, updatedAt: order.updatedAt },
      { $set: set },
      { session, returnDocument: 'after', lean: true, runValidators: true },
    );
    if (!updated) throw new DomainError(`order ${order.reference} changed meanwhile; look again and retry`);
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'order', id: order._id },
      action: 'order.adjusted-for-planning',
      before,
      after,
      at: now,
    });
    unit.publishAfterCommit('order:changed', { orderId, fields: Object.keys(after) });
    return { order: updated, summary };
  });
}

function describeChange({
  order,
  adjustment,
  now,
}: {
  order: OrderDoc;
  adjustment: z.output<typeof PlanningAdjustment>;
  now: Date;
}): { set: Record<string, unknown>; before: object; after: object; summary: string } {
  switch (adjustment.change) {
    case 'ship-by': {
      const shipBy = shipByInstant(adjustment.shipBy);
      if (adjustment.shipBy <= nairobiDateString(now)) {
        throw ValidationError.forField('shipBy', 'must be a day after today');
      }
      return {
        set: { shipBy },
        before: { shipBy: order.shipBy },
        after: { shipBy },
        summary: `${order.reference} now ships by ${adjustment.shipBy}`,
      };
    }
    case 'priority':
      if (ORDER_PRIORITIES.indexOf(adjustment.priority) <= ORDER_PRIORITIES.indexOf(order.priority)) {
        throw ValidationError.forField('priority', `must be above the order's ${order.priority} priority`);
      }
      return {
        set: { priority: adjustment.priority },
        before: { priority: order.priority },
        after: { priority: adjustment.priority },
        summary: `${order.reference} is now ${adjustment.priority} priority`,
      };
    case 'line-lot': {
      const index = order.lines.findIndex((line) => String(line._id) === adjustment.orderLineId);
      if (index < 0) throw ValidationError.forField('orderLineId', `order ${order.reference} has no such line`);
      const line = order.lines[index];
      if (adjustment.minimumLot > line.quantity) {
        throw ValidationError.forField('minimumLot', `must be at most the line's ${line.quantity} units`);
      }
      return {
        set: { [`lines.${index}.minimumLot`]: adjustment.minimumLot },
        before: { line: String(line._id), sku: line.sku, minimumLot: line.minimumLot ?? null },
        after: { line: String(line._id), sku: line.sku, minimumLot: adjustment.minimumLot },
        summary: `${order.reference} ${line.sku} may go out in lots of ${adjustment.minimumLot}`,
      };
    }
  }
}
