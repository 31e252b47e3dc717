import { Types } from 'mongoose';
import { z } from 'zod';

import { hashPassword, verifyPassword } from '../../auth/passwords';
import { type Actor } from '../../domain/actor';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { endUserSessions } from '../sessions/session-records';
import { PASSWORD_MIN_LENGTH } from './create-user';

const ChangePasswordInput = z.object({
  userId: objectIdString,
  /** Required when people change their own password; an administrator resetting one omits it. */
  currentPassword: z.string().max(200).optional(),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
});

/**
 * Sets a new password. Every session of the account ends with the change (a stolen cookie dies
 * with the old password). A password someone chose themselves is theirs; one an administrator
 * set for them (a reset) is temporary, and they choose their own at their next sign-in.
 */
export async function changePassword({
  actor,
  ...input
}: z.input<typeof ChangePasswordInput> & { actor: Actor }): Promise<{ endedSessions: number }> {
  const { userId, currentPassword, newPassword } = validateInput(ChangePasswordInput, input);
  const own = actor.userId === userId;
  if (!own && actor.role !== 'admin' && actor.role !== 'system')
    throw new ForbiddenError('only an administrator changes another account’s password');
  const _id = new Types.ObjectId(userId);
  const user = await User.findById(_id).select('+passwordHash').lean();
  if (!user) throw new NotFoundError('user', userId);
  if (own && !(await verifyPassword({ passwordHash: user.passwordHash, password: currentPassword ?? '' })))
    throw ValidationError.forField('currentPassword', 'is not your current password');
  const passwordHash = await hashPassword({ password: newPassword });
  return runInTransaction(async (unit) => {
    await User.updateOne({ _id }, { $set: { passwordHash, passwordIsTemporary: !own } }, { session: unit.session });
    const endedSessions = await endUserSessions({ unit, userId });
    await recordAuditEvent({
      session: unit.session,
      actor,
      entity: { kind: 'user', id: _id },
      action: 'user.password_changed',
      after: { endedSessions, temporary: !own },
    });
    return { endedSessions };
  });
}
