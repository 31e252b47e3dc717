import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { DomainError, NotFoundError } from '../../domain/errors';
import { validateInput } from '../../domain/validate-input';
import { WebhookDelivery } from '../../models/webhook-delivery';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { assertMayManageChannels } from './channel-keys';

/**
 * An admin sends a delivery that was given up again, now: the same body with the same event id,
 * so a channel that did receive it after all can tell it is a repeat. Its earlier attempts stay
 * in the log; the dispatcher makes one more attempt (and retries it if the channel is still down
 * until the attempts allowed run out again).
 */
export async function retryWebhookDelivery({
  actor,
  ...input
}: {
  eventId: string;
  actor: Actor;
}): Promise<{ eventId: string }> {
  const { eventId } = validateInput(
    z.object({ eventId: z.string().regex(/^evt_[a-f0-9]{24}$/, 'must be an event id like evt_…') }),
    input,
  );
  assertMayManageChannels(actor);
  // NOTE: the wall clock, as the dispatcher's retry times (webhook-dispatcher.ts): due at once.
  const now = new Date();
  await runInTransaction(async ({ session }) => {
    const delivery = await WebhookDelivery.findOneAndUpdate(
      { eventId, status: 'failed' },
      { $set: { status: 'pending', nextAttemptAt: now } },
      { session, lean: true },
    );
    if (!delivery) {
      const exists = await WebhookDelivery.exists({ eventId }).session(session);
      if (!exists) throw new NotFoundError('webhook delivery', eventId);
      throw new DomainError(`delivery ${eventId} has not failed: only a failed delivery can be sent again`);
    }
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'channel', id: delivery.channel },
      action: 'channel.webhook_retried',
      after: { eventId, attemptsBefore: delivery.attempts.length },
      at: now,
    });
  });
  return { eventId };
}
