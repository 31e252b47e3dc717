import { type ClientSession, type Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { DomainError, ForbiddenError } from '../../domain/errors';
import { User } from '../../models/user';

/** Only administrators (or the system, seeding) manage accounts. */
export function assertMayManageAccounts(actor: Actor, what: string): void {
  if (actor.role !== 'admin' && actor.role !== 'system') throw new ForbiddenError(`only an administrator ${what}`);
}

/**
 * Refuses a change that would leave Kiwanda with no active administrator (demoting or
 * deactivating the last one): nobody could manage accounts any more. Run inside the change's
 * transaction, so two administrators demoting each other at once cannot both pass.
 */
export async function refuseLeavingNoAdministrator({
  session,
  userId,
}: {
  session: ClientSession;
  userId: Types.ObjectId;
}): Promise<void> {
  const others = await User.countDocuments({ role: 'admin', active: true, _id: { $ne: userId } }).session(session);
  if (others === 0)
    throw new DomainError('this is the last active administrator account: make another administrator first');
}
