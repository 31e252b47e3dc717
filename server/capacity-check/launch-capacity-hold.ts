import { Types } from 'mongoose';
import { z } from 'zod';

import { startOfCalendarDay } from '../capacity/calendar-days';
import { type Actor } from '../domain/actor';
import { DomainError, ForbiddenError, NotFoundError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { AREA_ROLES, type Role } from '../domain/roles';
import { validateInput } from '../domain/validate-input';
import { CapacityHold } from '../models/capacity-hold';
import { type OrderDoc } from '../models/order';
import { recordAuditEvent } from '../services/audit/record-audit-event';
import { insertOrder } from '../services/orders/create-order';
import { prepareOrder } from '../services/orders/prepare-order';
import { runInTransaction } from '../services/run-in-transaction';
import { heldCapacityChange } from './place-capacity-hold';

/** A hold that is no longer held (launched, released or expired) cannot be launched. */
export class HoldNotActiveError extends DomainError {
  override name = 'HoldNotActiveError';
}

const LaunchInput = z.object({ holdId: objectIdString });

/**
 * Launches the collection a hold was kept for: creates its order (the web shop's stock of the
 * launch, shipping by the hold's date, at high priority since its capacity was set aside) and ends
 * the hold in the same transaction, so the capacity passes from the hold to the order at once.
 */
export async function launchCapacityHold({
  actor,
  now,
  ...input
}: z.input<typeof LaunchInput> & { actor: Actor; now: Date }): Promise<{ order: OrderDoc; reference: string }> {
  if (!AREA_ROLES.design.includes(actor.role as Role)) throw new ForbiddenError('only designers launch collections');
  const { holdId } = validateInput(LaunchInput, input);
  const hold = await CapacityHold.findById(holdId).lean();
  if (!hold) throw new NotFoundError('capacity hold', holdId);
  if (hold.status !== 'held' || hold.expiresAt <= now)
    throw new HoldNotActiveError(
      `${hold.reference} is ${hold.status === 'held' ? 'expired' : hold.status}: ask the question again and hold anew`,
    );

  const order = await prepareOrder({
    source: 'web',
    reference: `LAUNCH-${hold.reference.slice('HOLD-'.length)}`,
    customer: { name: 'Web shop launch', country: 'KE' },
    lines: hold.lines.map((line) => ({ productId: String(line.product), quantity: line.quantity })),
    shipBy: startOfCalendarDay(hold.shipBy),
    placedAt: now,
    priority: 'high',
    notes: `Launched from capacity hold ${hold.reference}`,
  });
  return runInTransaction(async (unit) => {
    const ended = await CapacityHold.findOneAndUpdate(
      { _id: new Types.ObjectId(holdId), status: 'held' },
      { $set: { status: 'launched', order: order._id } },
      { session: unit.session, new: true, lean: true },
    );
    if (!ended) throw new HoldNotActiveError(`${hold.reference} was launched or released meanwhile`);
    const created = await insertOrder({ unit, order, actor });
    await recordAuditEvent({
      session: unit.session,
      actor,
      entity: { kind: 'capacity_hold', id: hold._id },
      action: 'capacity_hold.launched',
      before: hold,
      after: ended,
    });
    unit.publishAfterCommit('capacity:changed', heldCapacityChange(hold));
    return { order: created, reference: created.reference };
  });
}
