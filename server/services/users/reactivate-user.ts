import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateField } from '../../domain/validate-input';
import { User } from '../../models/user';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { assertMayManageAccounts } from './user-admin-permissions';

/** Lets a deactivated account sign in again (administrators only), with the password it had. */
export async function reactivateUser({ actor, ...input }: { actor: Actor; userId: string }): Promise<void> {
  assertMayManageAccounts(actor, 'reactivates accounts');
  const userId = validateField('userId', objectIdString, input.userId);
  const _id = new Types.ObjectId(userId);
  await runInTransaction(async ({ session }) => {
    const before = await User.findById(_id, { active: 1 }, { session, lean: true });
    if (!before) throw new NotFoundError('user', userId);
    await User.updateOne({ _id }, { $set: { active: true } }, { session });
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'user', id: _id },
      action: 'user.reactivated',
      before: { active: before.active },
      after: { active: true },
    });
  });
}
