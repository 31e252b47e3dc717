import { Types } from 'mongoose';

import { type Actor } from '../domain/actor';
import { ForbiddenError, ValidationError } from '../domain/errors';
import { AREA_ROLES, type Role } from '../domain/roles';
import { type WeekLabel } from '../domain/weeks';
import { CapacityHold, type CapacityHoldDoc } from '../models/capacity-hold';
import { actorStamp, recordAuditEvent } from '../services/audit/record-audit-event';
import { runInTransaction } from '../services/run-in-transaction';
import { checkCapacity } from './check-capacity';
import { type CapacityQuestion } from './check-question';

/**
 * Turns an answer into a hold: the question is answered again as of `now` (never taken from the
 * page, which may be old), and what can be made by the date is reserved in the workshops and
 * weeks the answer's plan uses, until `holdHours` from now.
 */
export async function placeCapacityHold({
  actor,
  now,
  holdHours,
  ...question
}: CapacityQuestion & { actor: Actor; now: Date; holdHours: number }): Promise<CapacityHoldDoc> {
  if (!AREA_ROLES.design.includes(actor.role as Role)) throw new ForbiddenError('only designers place capacity holds');
  // Read fresh: planning will subtract exactly what is reserved here.
  const { answer, network } = await checkCapacity({ ...question, now, fresh: true });
  const lines = answer.lines.filter((line) => line.byDate > 0);
  if (lines.length === 0) throw ValidationError.forField('by', `nothing asked can be made by ${answer.by}`);

  const _id = new Types.ObjectId();
  const hold = {
    _id,
    reference: `HOLD-${String(_id).slice(-6).toUpperCase()}`,
    lines: lines.map((line) => ({
      product: new Types.ObjectId(line.productId),
      sku: line.sku,
      name: line.name,
      quantity: line.byDate,
    })),
    shipBy: answer.by,
    reservations: answer.reservations.flatMap((reservation) => {
      const workshop = network.workshops.get(reservation.workshopCode);
      return workshop ? [{ ...reservation, workshop: workshop.workshopId }] : [];
    }),
    status: 'held' as const,
    expiresAt: new Date(now.getTime() + holdHours * 3_600_000),
    heldBy: actorStamp(actor),
  };
  return runInTransaction(async (unit) => {
    const [created] = await CapacityHold.create([hold], { session: unit.session });
    const after = created.toObject();
    await recordAuditEvent({
      session: unit.session,
      actor,
      entity: { kind: 'capacity_hold', id: _id },
      action: 'capacity_hold.placed',
      after,
    });
    unit.publishAfterCommit('capacity:changed', heldCapacityChange(after));
    return after;
  });
}

/** What planning sees change when a hold starts or stops reserving capacity. */
export function heldCapacityChange(hold: Pick<CapacityHoldDoc, 'reservations'>): {
  workshopIds: string[];
  weeks: WeekLabel[];
} {
  return {
    workshopIds: [...new Set(hold.reservations.map((reservation) => String(reservation.workshop)))],
    weeks: [...new Set(hold.reservations.map((reservation) => reservation.week))].sort(),
  };
}
