import { type Actor } from '../../domain/actor';
import { ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateField } from '../../domain/validate-input';
import { changePassword } from './change-password';
import { oneTimePassword } from './one-time-password';
import { assertMayManageAccounts } from './user-admin-permissions';

/**
 * Gives an account a new one-time password for the administrator to hand on (shown once), and
 * ends every session the account holds, so whoever had the old password is signed out at once.
 */
export async function resetUserPassword({
  actor,
  ...input
}: {
  actor: Actor;
  userId: string;
}): Promise<{ temporaryPassword: string; endedSessions: number }> {
  assertMayManageAccounts(actor, 'resets passwords');
  const userId = validateField('userId', objectIdString, input.userId);
  if (actor.userId === userId)
    throw ValidationError.forField('userId', 'change your own password by signing in with it, not by a reset');
  const temporaryPassword = oneTimePassword();
  const { endedSessions } = await changePassword({ actor, userId, newPassword: temporaryPassword });
  return { temporaryPassword, endedSessions };
}
