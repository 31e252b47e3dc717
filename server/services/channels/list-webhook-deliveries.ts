import { Channel } from '../../models/channel';
import { WebhookDelivery } from '../../models/webhook-delivery';

export interface WebhookDeliveryRow {
  eventId: string;
  type: string;
  channel: string;
  orderId: string;
  status: string;
  attempts: number;
  lastAnswer: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** The newest status webhooks with how their attempts went, for the admins' delivery log. */
export async function listWebhookDeliveries({ limit = 100 }: { limit?: number } = {}): Promise<WebhookDeliveryRow[]> {
  const [deliveries, channels] = await Promise.all([
    WebhookDelivery.find({}, { body: 0 }).sort({ createdAt: -1 }).limit(limit).lean(),
    Channel.find({}, { displayName: 1 }).lean(),
  ]);
  const channelName = new Map(channels.map((channel) => [String(channel._id), channel.displayName]));
  return deliveries.map((delivery) => {
    const last = delivery.attempts.at(-1);
    return {
      eventId: delivery.eventId,
      type: delivery.type,
      channel: channelName.get(String(delivery.channel)) ?? String(delivery.channel),
      orderId: String(delivery.order),
      status: delivery.status,
      attempts: delivery.attempts.length,
      lastAnswer: last ? (last.httpStatus ? `HTTP ${last.httpStatus}` : (last.error ?? 'no answer')) : null,
      createdAt: delivery.createdAt,
      nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
      deliveredAt: delivery.deliveredAt ?? null,
    };
  });
}
