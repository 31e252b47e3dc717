import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../domain/actor';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { AREA_ROLES, type Role } from '../domain/roles';
import { validateInput } from '../domain/validate-input';
import { CapacityHold, type CapacityHoldDoc } from '../models/capacity-hold';
import { recordAuditEvent } from '../services/audit/record-audit-event';
import { runInTransaction } from '../services/run-in-transaction';
import { HoldNotActiveError } from './launch-capacity-hold';
import { heldCapacityChange } from './place-capacity-hold';

const ReleaseInput = z.object({ holdId: objectIdString });

/** Whether `actor` may end `hold` early: the designer who placed it, any planner, any admin. */
export function mayReleaseHold({ actor, hold }: { actor: Actor; hold: Pick<CapacityHoldDoc, 'heldBy'> }): boolean {
  if (!AREA_ROLES.design.includes(actor.role as Role)) return false;
  if (actor.role !== 'designer') return true;
  return actor.userId !== undefined && String(hold.heldBy.userId) === actor.userId;
}

/**
 * Ends a hold before it lapses: its minutes are open to orders again at once. Planning hears it
 * as a capacity change in the workshops and weeks the hold kept, as when a hold is placed.
 */
export async function releaseCapacityHold({
  actor,
  now,
  ...input
}: z.input<typeof ReleaseInput> & { actor: Actor; now: Date }): Promise<CapacityHoldDoc> {
  if (!AREA_ROLES.design.includes(actor.role as Role))
    throw new ForbiddenError('only designers, planners and admins release capacity holds');
  const { holdId } = validateInput(ReleaseInput, input);
  const hold = await CapacityHold.findById(holdId).lean();
  if (!hold) throw new NotFoundError('capacity hold', holdId);
  if (!mayReleaseHold({ actor, hold }))
    throw new ForbiddenError(
      `${hold.reference} was held by ${hold.heldBy.label}: only they, a planner or an admin may release it`,
    );
  if (hold.status !== 'held' || hold.expiresAt <= now)
    throw new HoldNotActiveError(
      `${hold.reference} is ${hold.status === 'held' ? 'expired' : hold.status}: it holds nothing to release`,
    );

  return runInTransaction(async (unit) => {
    const released = await CapacityHold.findOneAndUpdate(
      { _id: new Types.ObjectId(holdId), status: 'held' },
      { $set: { status: 'released' } },
      { session: unit.session, new: true, lean: true },
    );
    if (!released) throw new HoldNotActiveError(`${hold.reference} was launched or released meanwhile`);
    await recordAuditEvent({
      session: unit.session,
      actor,
      entity: { kind: 'capacity_hold', id: hold._id },
      action: 'capacity_hold.released',
      before: hold,
      after: released,
    });
    unit.publishAfterCommit('capacity:changed', heldCapacityChange(hold));
    return released;
  });
}
