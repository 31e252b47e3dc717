import { type Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type UnitOfWork } from '../run-in-transaction';
import { endUserSessions } from '../sessions/session-records';

/**
 * An artisan recorded as having left the network no longer signs in: their account (if they
 * have one) is deactivated and their sessions end with the same commit, so a phone kept in the
 * family does not go on showing offers and earnings. Coming back is an administrator's decision
 * (reactivating the account), not a side effect of the registry.
 */
export async function closeLeaversAccount({
  unit,
  actor,
  now,
  artisanId,
}: {
  unit: UnitOfWork;
  actor: Actor;
  now: Date;
  artisanId: Types.ObjectId;
}): Promise<{ userId: string; endedSessions: number } | null> {
  const { session } = unit;
  const account = await User.findOne({ artisan: artisanId, active: true }, { _id: 1 }, { session, lean: true });
  if (!account) return null;
  const userId = String(account._id);
  await User.updateOne({ _id: account._id }, { $set: { active: false } }, { session });
  const endedSessions = await endUserSessions({ unit, userId });
  await recordAuditEvent({
    session,
    actor,
    at: now,
    entity: { kind: 'user', id: account._id },
    action: 'user.deactivated',
    before: { active: true },
    after: { active: false, endedSessions, reason: 'the artisan left the network' },
  });
  return { userId, endedSessions };
}
