import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction, type UnitOfWork } from '../run-in-transaction';
import { endUserSessions } from '../sessions/session-records';
import { assertMayManageAccounts, refuseLeavingNoAdministrator } from './user-admin-permissions';

const DeactivateUserInput = z.object({ userId: objectIdString });

/**
 * Deactivates an account (administrators only): the user can no longer sign in, every session
 * they hold ends and their open sockets are disconnected as soon as the change is committed.
 */
export async function deactivateUser({
  actor,
  ...input
}: z.input<typeof DeactivateUserInput> & { actor: Actor }): Promise<{ endedSessions: number }> {
  const { userId } = validateInput(DeactivateUserInput, input);
  assertMayManageAccounts(actor, 'deactivates accounts');
  if (actor.userId === userId) throw ValidationError.forField('userId', 'you cannot deactivate your own account');
  return runInTransaction(async (unit) => {
    const _id = new Types.ObjectId(userId);
    const before = await User.findById(_id, { email: 1, active: 1, role: 1 }, { session: unit.session }).lean();
    if (!before) throw new NotFoundError('user', userId);
    if (before.role === 'admin' && before.active)
      await refuseLeavingNoAdministrator({ session: unit.session, userId: _id });
    return deactivateAccount({ unit, actor, userId, wasActive: before.active });
  });
}

/**
 * Inside the caller's transaction: the account can no longer sign in and every session it holds
 * ends (its sockets drop once committed), audited with the reason when one is given. Whoever
 * calls it has decided the actor may (an administrator; the registry for an artisan who left).
 */
export async function deactivateAccount({
  unit,
  actor,
  userId,
  wasActive,
  at,
  reason,
}: {
  unit: UnitOfWork;
  actor: Actor;
  userId: string;
  wasActive: boolean;
  at?: Date;
  reason?: string;
}): Promise<{ endedSessions: number }> {
  const _id = new Types.ObjectId(userId);
  await User.updateOne({ _id }, { $set: { active: false } }, { session: unit.session });
  const endedSessions = await endUserSessions({ unit, userId });
  await recordAuditEvent({
    session: unit.session,
    actor,
    at,
    entity: { kind: 'user', id: _id },
    action: 'user.deactivated',
    before: { active: wasActive },
    after: { active: false, endedSessions, ...(reason ? { reason } : {}) },
  });
  return { endedSessions };
}
