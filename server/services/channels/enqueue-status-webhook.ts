import { type ClientSession, Types } from 'mongoose';

import { type ChannelWebhookEvent } from '../../domain/channel-webhook-events';
import { Channel, type ChannelDoc } from '../../models/channel';
import { type OrderDoc } from '../../models/order';
import { WebhookDelivery } from '../../models/webhook-delivery';

/**
 * Puts a status webhook about a channel's order in the outbox, inside the caller's transaction:
 * it is sent only if the change commits, and is never lost once it has. Orders that did not come
 * from a channel, and channels without a webhook URL, get none. Each type is queued at most once
 * per order (also enforced by a unique index): a repeated transition queues nothing more.
 */
export async function enqueueStatusWebhook({
  session,
  order,
  type,
  at,
  channel: held,
  orderIsNew = false,
}: {
  session: ClientSession;
  order: Pick<OrderDoc, '_id' | 'channel' | 'externalRef' | 'status'>;
  type: ChannelWebhookEvent;
  at: Date;
  /** The order's channel as the caller just read it (the channels' API, from the key check). */
  channel?: Pick<ChannelDoc, '_id' | 'webhookUrl' | 'webhookSecret'>;
  /** The order was written in this same transaction, so it has no delivery yet to look for. */
  orderIsNew?: boolean;
}): Promise<void> {
  if (!order.channel) return;
  const channel =
    held && String(held._id) === String(order.channel)
      ? held
      : await Channel.findById(order.channel, { webhookUrl: 1, webhookSecret: 1 }, { session }).lean();
  if (!channel?.webhookUrl || !channel.webhookSecret) return;
  if (!orderIsNew && (await WebhookDelivery.exists({ order: order._id, type }).session(session))) return;
  await WebhookDelivery.create([deliveryOf({ order, type, at, channel })], { session });
}

/**
 * enqueueStatusWebhook for orders written in this same transaction, each with its channel as the
 * caller read it: one insert for all of them (channel orders arriving together, see
 * write-arriving-channel-orders.ts).
 */
export async function enqueueNewOrderWebhooks({
  session,
  type,
  orders,
}: {
  session: ClientSession;
  type: ChannelWebhookEvent;
  orders: readonly {
    order: Pick<OrderDoc, '_id' | 'externalRef' | 'status'>;
    channel: Pick<ChannelDoc, '_id' | 'webhookUrl' | 'webhookSecret'>;
    at: Date;
  }[];
}): Promise<void> {
  const deliveries = orders.flatMap(({ order, channel, at }) =>
    channel.webhookUrl && channel.webhookSecret ? [deliveryOf({ order, type, at, channel })] : [],
  );
  if (deliveries.length > 0) await WebhookDelivery.insertMany(deliveries, { session });
}

/** The outbox row of one status webhook: a new event id, the body as it will be signed and sent. */
function deliveryOf({
  order,
  type,
  at,
  channel,
}: {
  order: Pick<OrderDoc, '_id' | 'externalRef' | 'status'>;
  type: ChannelWebhookEvent;
  at: Date;
  channel: Pick<ChannelDoc, '_id' | 'webhookUrl'>;
}) {
  const eventId = `evt_${new Types.ObjectId().toHexString()}`;
  const body = JSON.stringify({
    id: eventId,
    type,
    createdAt: at.toISOString(),
    data: { orderId: String(order._id), externalRef: order.externalRef ?? null, status: order.status },
  });
  return {
    eventId,
    type,
    channel: channel._id,
    order: order._id,
    url: channel.webhookUrl,
    body,
    status: 'pending' as const,
    nextAttemptAt: at,
  };
}
