import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { NAIROBI_AREA_NAMES } from '../../domain/nairobi-areas';
import { ROLES } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { endUserSessions } from '../sessions/session-records';
import { assertMayManageAccounts, refuseLeavingNoAdministrator } from './user-admin-permissions';

const ChangeUserRoleInput = z.object({
  userId: objectIdString,
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  areas: z.array(z.enum(NAIROBI_AREA_NAMES, { error: 'must be one of the Nairobi areas' })).default([]),
});

/**
 * Gives an account another role, and a field officer their areas (administrators only). An
 * artisan's account belongs to their artisan record, so it neither gets nor loses that role here.
 * Every session of the account ends: the person signs in again and gets the new role's pages and
 * live events, with nothing of the old role's left open in a tab.
 */
export async function changeUserRole({
  actor,
  ...input
}: z.input<typeof ChangeUserRoleInput> & { actor: Actor }): Promise<{ endedSessions: number }> {
  assertMayManageAccounts(actor, 'changes roles');
  const { userId, role, areas } = validateInput(ChangeUserRoleInput, input);
  if (role === 'field_officer' && areas.length === 0)
    throw ValidationError.forField('areas', 'choose the areas this field officer inspects');
  const _id = new Types.ObjectId(userId);
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const before = await User.findById(_id, { role: 1, areas: 1 }, { session, lean: true });
    if (!before) throw new NotFoundError('user', userId);
    if ((before.role === 'artisan') !== (role === 'artisan'))
      throw ValidationError.forField(
        'role',
        role === 'artisan'
          ? 'an artisan’s account is opened from their artisan record: invite them as an artisan'
          : 'an artisan’s account stays an artisan’s: open a new account for their other role',
      );
    if (before.role === 'admin' && role !== 'admin') await refuseLeavingNoAdministrator({ session, userId: _id });
    const after = role === 'field_officer' ? { role, areas: [...new Set(areas)] } : { role };
    await User.updateOne({ _id }, role === 'field_officer' ? { $set: after } : { $set: after, $unset: { areas: 1 } }, {
      session,
      runValidators: true,
    });
    const endedSessions = await endUserSessions({ unit, userId });
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'user', id: _id },
      action: 'user.role_changed',
      before: { role: before.role, areas: before.areas ?? null },
      after: { ...after, endedSessions },
    });
    return { endedSessions };
  });
}
