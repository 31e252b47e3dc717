import { z } from 'zod';

import { CHANNEL_NAME_PATTERN } from '../../domain/channel-kinds';
import { WEBHOOK_DELIVERY_STATUSES } from '../../domain/channel-webhook-events';
import { oneOf } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Channel } from '../../models/channel';
import { type WebhookAttempt, WebhookDelivery } from '../../models/webhook-delivery';

/** The delivery log's filters, as its URL carries them. */
export const WebhookLogQuery = z.object({
  channel: z.string().regex(CHANNEL_NAME_PATTERN, 'must be a channel name like web-shop').optional(),
  status: oneOf(WEBHOOK_DELIVERY_STATUSES).optional(),
});
export type WebhookLogQuery = z.output<typeof WebhookLogQuery>;

export interface WebhookDeliveryRow {
  eventId: string;
  type: string;
  channel: string;
  orderId: string;
  status: string;
  attempts: { at: Date; answer: string }[];
  lastAnswer: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** One attempt's outcome in words: the receiver's HTTP status, or why it could not be reached. */
function answerOf(attempt: WebhookAttempt): string {
  return attempt.httpStatus ? `HTTP ${attempt.httpStatus}` : (attempt.error ?? 'no answer');
}

/** The newest status webhooks (of one channel, in one state, if asked) with how each attempt went. */
export async function listWebhookDeliveries({
  query = {},
  limit = 100,
}: { query?: WebhookLogQuery; limit?: number } = {}): Promise<{
  deliveries: WebhookDeliveryRow[];
  channels: { name: string; displayName: string }[];
  /** The channel asked for does not exist: the list is empty for that reason. */
  unknownChannel: boolean;
}> {
  const { channel: channelName, status } = validateInput(WebhookLogQuery, query);
  const stored = await Channel.find({}, { name: 1, displayName: 1 }).sort({ displayName: 1 }).lean();
  const channels = stored.map(({ name, displayName }) => ({ name, displayName }));
  const chosen = channelName ? stored.find((channel) => channel.name === channelName) : undefined;
  if (channelName && !chosen) return { deliveries: [], channels, unknownChannel: true };
  const deliveries = await WebhookDelivery.find(
    { ...(chosen ? { channel: chosen._id } : {}), ...(status ? { status } : {}) },
    { body: 0 },
  )
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .lean();
  const displayNameOf = new Map(stored.map((channel) => [String(channel._id), channel.displayName]));
  return {
    channels,
    unknownChannel: false,
    deliveries: deliveries.map((delivery) => {
      const last = delivery.attempts.at(-1);
      return {
        eventId: delivery.eventId,
        type: delivery.type,
        channel: displayNameOf.get(String(delivery.channel)) ?? String(delivery.channel),
        orderId: String(delivery.order),
        status: delivery.status,
        attempts: delivery.attempts.map((attempt) => ({ at: attempt.at, answer: answerOf(attempt) })),
        lastAnswer: last ? answerOf(last) : null,
        createdAt: delivery.createdAt,
        nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
        deliveredAt: delivery.deliveredAt ?? null,
      };
    }),
  };
}
