import { type Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { User } from '../../models/user';
import { type UnitOfWork } from '../run-in-transaction';
import { deactivateAccount } from '../users/deactivate-user';

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
}): Promise<void> {
  const account = await User.findOne(
    { artisan: artisanId, active: true },
    { _id: 1 },
    { session: unit.session, lean: true },
  );
  if (!account) return;
  await deactivateAccount({
    unit,
    actor,
    userId: String(account._id),
    wasActive: true,
    at: now,
    reason: 'the artisan left the network',
  });
}
