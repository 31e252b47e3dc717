import { type MessageState } from '../../domain/message-status';
import { domainEvents } from '../../domain-events';
import { type SmsAnswer, type SmsClient } from '../../integrations/africas-talking/sms-client';
import { SmsMessage, type SmsMessageDoc } from '../../models/sms-message';

/** Sends that sent nothing (a wrong key, no balance, a gateway error) before a message counts as failed. */
export const MAX_SEND_ATTEMPTS = 8;

/**
 * Takes one due message for this sender: the claim and the move to `sending` are one update, so
 * two senders (two app processes) never take the same message. The claim is written before the
 * request goes, so a sender that dies mid-request leaves a `sending` message behind, which
 * `markStalledSendsUnknown` turns unknown: it is never sent again by itself.
 */
async function claimDueMessage(now: Date): Promise<SmsMessageDoc | null> {
  return SmsMessage.findOneAndUpdate(
    { status: 'queued', nextAttemptAt: { $lte: now } },
    { $set: { status: 'sending', sendingAt: now }, $inc: { attempts: 1 } },
    { sort: { nextAttemptAt: 1 }, returnDocument: 'after', lean: true },
  );
}

/** What an answer does to a message being sent. */
function changeOfAnswer({
  answer,
  message,
  now,
  retryBaseMs,
}: {
  answer: SmsAnswer;
  message: SmsMessageDoc;
  now: Date;
  retryBaseMs: number;
}): { status: MessageState } & Partial<SmsMessageDoc> {
  switch (answer.kind) {
    case 'accepted':
      return {
        status: 'sent',
        sentAt: now,
        providerMessageId: answer.messageId,
        statusCode: answer.statusCode,
        ...(answer.cost ? { cost: answer.cost } : {}),
        ...(answer.costCents !== undefined ? { costCents: answer.costCents } : {}),
      };
    case 'rejected':
      return { status: 'rejected', resolvedAt: now, statusCode: answer.statusCode, failureReason: answer.reason };
    case 'not-sent':
      if (!answer.retryable || message.attempts >= MAX_SEND_ATTEMPTS) {
        return {
          status: 'failed',
          resolvedAt: now,
          failureReason: answer.reason.slice(0, 200),
          lastError: answer.reason,
        };
      }
      // Nothing went: the same message goes again later, waiting twice as long after each try.
      return {
        status: 'queued',
        lastError: answer.reason.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryBaseMs * 2 ** (message.attempts - 1)),
      };
    case 'unknown':
      // NOTE: Africa's Talking has no idempotency key, and its delivery reports name only its own
      // message id, which was lost with the answer. Sending again could reach the artisan twice,
      // so the message stays unknown until a manager looks (the messages page says so).
      return { status: 'unknown', lastError: answer.reason.slice(0, 500) };
  }
}

/**
 * Sends due messages one by one until none is due, `beforeEach` says stop, or Africa's Talking
 * refuses one for a reason that would refuse the next. Each answer is written only onto the
 * message still `sending` (the claim it made).
 */
export async function sendDueMessages({
  client,
  now,
  retryBaseMs,
  beforeEach = async () => true,
  limit = 50,
}: {
  client: SmsClient;
  now: () => Date;
  retryBaseMs: number;
  beforeEach?: () => Promise<boolean>;
  limit?: number;
}): Promise<number> {
  let sent = 0;
  while (sent < limit && (await beforeEach())) {
    const message = await claimDueMessage(now());
    if (!message) break;
    const answer = await client.sendSms({ to: message.phone, message: message.text });
    const change = changeOfAnswer({ answer, message, now: now(), retryBaseMs });
    await SmsMessage.updateOne({ _id: message._id, status: 'sending' }, { $set: change });
    domainEvents.publish('message:changed', { kind: message.kind, status: change.status, count: 1 });
    sent += 1;
    // A refusal that sent nothing (a wrong key, no balance, a gateway error) would meet the next
    // message too: the round ends, and the rest wait for the next one.
    if (answer.kind === 'not-sent' && answer.retryable) break;
  }
  return sent;
}

/**
 * Messages left `sending` longer than `stalledMs` (their sender died, or its request hung past
 * every timeout) may or may not have gone: they become unknown, never queued again.
 */
export async function markStalledSendsUnknown({ now, stalledMs }: { now: Date; stalledMs: number }): Promise<number> {
  const result = await SmsMessage.updateMany(
    { status: 'sending', sendingAt: { $lt: new Date(now.getTime() - stalledMs) } },
    { $set: { status: 'unknown', lastError: 'the sender stopped before Africa’s Talking answered' } },
  );
  return result.modifiedCount;
}
