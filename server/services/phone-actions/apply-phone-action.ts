import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { ForbiddenError } from '../../domain/errors';
import { validateField, validateInput } from '../../domain/validate-input';
import { PhoneAction, type PhoneActionResult } from '../../models/phone-action';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { performPhoneAction } from './perform-phone-action';
import { actionIdString, PhoneActionInput } from './phone-action-input';

export interface AppliedPhoneAction extends PhoneActionResult {
  actionId: string;
  /** True when this id had been applied before: nothing changed now, the first answer is repeated. */
  replayed: boolean;
}

/**
 * Applies an action a phone sent, exactly once per action id. The action and the record of its
 * id are written in one transaction, so either both exist or neither does. A resend of an
 * applied id (a lost answer, the offline queue replaying) answers the first result and changes
 * nothing; two copies arriving at once conflict in the transaction, and the loser, retried, finds
 * the winner's record. A refused action records nothing: sent again, it is judged again.
 */
export async function applyPhoneAction({
  actor,
  actionId: rawActionId,
  action: rawAction,
  photo,
  now,
}: {
  actor: Actor;
  actionId: unknown;
  action: unknown;
  /** An inspection's JPEG, already read from the upload. */
  photo?: Buffer;
  now: Date;
}): Promise<AppliedPhoneAction> {
  const actionId = validateField('actionId', actionIdString, rawActionId);
  const action = validateInput(PhoneActionInput, rawAction);
  if (!actor.userId) throw new ForbiddenError('phone actions come from signed-in people');
  const userId = actor.userId;

  const firstAnswer = async (): Promise<AppliedPhoneAction | null> => {
    const seen = await PhoneAction.findOne({ actionId }, null, { lean: true });
    if (!seen) return null;
    if (String(seen.user) !== userId) throw new ForbiddenError('this action id was sent by another account');
    return { ...seen.result, actionId, replayed: true };
  };

  try {
    return await runInTransaction(async (unit) => {
      const seen = await PhoneAction.findOne({ actionId }, null, { session: unit.session, lean: true });
      if (seen) {
        if (String(seen.user) !== userId) throw new ForbiddenError('this action id was sent by another account');
        return { ...seen.result, actionId, replayed: true };
      }
      const result = await performPhoneAction({ unit, actor, action, photo });
      await PhoneAction.create(
        [{ actionId, user: new Types.ObjectId(userId), kind: action.kind, result, appliedAt: now }],
        { session: unit.session },
      );
      return { ...result, actionId, replayed: false };
    });
  } catch (error) {
    // Another copy of this action committed first: answer what it answered.
    if (isDuplicateKeyError(error)) {
      const first = await firstAnswer();
      if (first) return first;
    }
    throw error;
  }
}
