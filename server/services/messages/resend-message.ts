import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ForbiddenError, IllegalTransitionError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { RESENDABLE_STATES } from '../../domain/message-status';
import { AREA_ROLES } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { SmsMessage } from '../../models/sms-message';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';

/** The messages page's "Send again" form. */
export const ResendForm = z.object({ messageId: objectIdString });

/**
 * A manager's decision to send a message again. Kiwanda never does it by itself for an unknown
 * one (it may have arrived: Africa's Talking cannot be asked); a person who knows it did not (the
 * artisan says so) may. The message goes back to the queue as it is, and the audit trail keeps who
 * sent it again and from which state.
 */
export async function resendMessage({ actor, now, ...input }: { actor: Actor; now: Date; messageId: string }) {
  const { messageId } = validateInput(ResendForm, input);
  if (!(AREA_ROLES.messages as readonly string[]).includes(actor.role))
    throw new ForbiddenError(`a ${actor.role} cannot send messages again`);
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const message = await SmsMessage.findById(messageId, null, { session, lean: true });
    if (!message) throw new NotFoundError('message', messageId);
    if (!RESENDABLE_STATES.includes(message.status))
      throw new IllegalTransitionError({
        entity: 'message',
        id: messageId,
        from: message.status,
        to: 'queued',
        reason: 'only a failed message, or one whose outcome is unknown, is sent again',
      });
    await SmsMessage.updateOne(
      { _id: new Types.ObjectId(messageId), status: message.status },
      { $set: { status: 'queued', nextAttemptAt: now }, $unset: { resolvedAt: 1 } },
      { session },
    );
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'sms', id: message._id },
      action: 'sms.resent',
      before: { status: message.status, lastError: message.lastError, failureReason: message.failureReason },
      after: { status: 'queued' },
      at: now,
    });
    unit.publishAfterCommit('message:changed', { kind: message.kind, status: 'queued', count: 1 });
    return { messageId, from: message.status };
  });
}
