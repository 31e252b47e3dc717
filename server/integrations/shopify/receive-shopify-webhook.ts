import { addDays } from 'date-fns';
import { z } from 'zod';

import { DomainError, NotFoundError } from '../../domain/errors';
import { validateInput } from '../../domain/validate-input';
import { nairobiDateString } from '../../domain/weeks';
import { Channel, type ChannelDoc } from '../../models/channel';
import { Order } from '../../models/order';
import { ShopifyWebhook, type ShopifyWebhookOutcome } from '../../models/shopify-webhook';
import { cancelChannelOrder } from '../../services/channels/channel-orders';
import { createChannelOrder } from '../../services/channels/create-channel-order';
import { isDuplicateKeyError } from '../../services/duplicate-key';
import { splitShopifyLines } from './shopify-order-lines';
import { ShopifyOrderPayload, shopifyCustomer } from './shopify-order-payload';

/** The topics Kiwanda acts on; a shop subscribed to others gets them acknowledged and ignored. */
export const SHOPIFY_ORDER_TOPICS = ['orders/create', 'orders/cancelled'] as const;

const DeliveryHeaders = z.object({
  'X-Shopify-Webhook-Id': z.string().trim().min(1, 'is required').max(200),
  'X-Shopify-Topic': z.string().trim().min(1, 'is required').max(100),
  'X-Shopify-Shop-Domain': z.string().trim().min(1, 'is required').max(255),
  'X-Shopify-Triggered-At': z.iso.datetime({ offset: true, message: 'must be a date and time' }).optional(),
});
export type ShopifyDeliveryHeaders = z.input<typeof DeliveryHeaders>;

export interface ShopifyWebhookAnswer {
  duplicate: boolean;
  outcome: ShopifyWebhookOutcome;
  message: string;
  orderId?: string;
}

interface Settings {
  channelName: string;
  leadDays: number;
  now: Date;
}

type Handled = Omit<ShopifyWebhookAnswer, 'duplicate'>;

/**
 * Shopify orders carry no ship-by date: they are due `leadDays` after Shopify took them
 * (`created_at`, the same on every retry, so a retried webhook asks for the same order), or
 * after now when that is already past.
 */
function shipByOf(payload: ShopifyOrderPayload, { leadDays, now }: Settings): string {
  const created = payload.created_at ? new Date(payload.created_at) : now;
  const due = addDays(Number.isNaN(created.getTime()) ? now : created, leadDays);
  return nairobiDateString(due <= now ? addDays(now, leadDays) : due);
}

async function createFromShopify(
  channel: ChannelDoc,
  payload: ShopifyOrderPayload,
  settings: Settings,
  webhookId: string,
): Promise<Handled> {
  const earlier = await Order.findOne({ channel: channel._id, externalRef: payload.name }, { reference: 1 }).lean();
  if (earlier)
    return {
      outcome: 'order-created',
      message: `already recorded as ${earlier.reference}`,
      orderId: String(earlier._id),
    };
  const { lines, unmadeLines } = await splitShopifyLines(payload.line_items);
  const unmade = unmadeLines.map((line) => `${line.quantity} × ${line.title}`).join('; ');
  if (lines.length === 0)
    return { outcome: 'nothing-to-make', message: `no line Kiwanda makes: ${unmade || 'the order has no line items'}` };
  const { order } = await createChannelOrder({
    channel,
    idempotencyKey: `shopify-${webhookId}`,
    body: {
      externalRef: payload.name,
      customer: shopifyCustomer(payload),
      shipBy: shipByOf(payload, settings),
      lines,
      notes: [`Shopify order ${payload.name}`, payload.note].filter(Boolean).join(' · ').slice(0, 1000),
    },
    now: settings.now,
    unmadeLines,
  });
  return {
    outcome: 'order-created',
    message: `recorded as ${order.reference}${unmade ? `; not made by Kiwanda: ${unmade}` : ''}`,
    orderId: String(order._id),
  };
}

async function cancelFromShopify(channel: ChannelDoc, payload: ShopifyOrderPayload): Promise<Handled> {
  const order = await Order.findOne({ channel: channel._id, externalRef: payload.name }, { _id: 1 }).lean();
  if (!order) return { outcome: 'unknown-order', message: `no order ${payload.name} came from this shop` };
  const cancelled = await cancelChannelOrder({
    channel,
    orderId: String(order._id),
    reason: `cancelled on Shopify${payload.cancel_reason ? ` (${payload.cancel_reason})` : ''}`,
  });
  return { outcome: 'order-cancelled', message: `${cancelled.reference} cancelled`, orderId: String(order._id) };
}

/**
 * A verified Shopify webhook, acted on once per X-Shopify-Webhook-Id: orders/create records the
 * order (through the channels' order service, under the web shop's channel), orders/cancelled
 * cancels it while production has not started. What cannot be done (an order with nothing
 * Kiwanda makes, a cancellation after production began) is recorded with its reason and still
 * acknowledged: Shopify would only send it again. A payload that cannot be read is a
 * ValidationError naming the field.
 */
export async function receiveShopifyWebhook({
  headers,
  payload,
  settings,
}: {
  headers: ShopifyDeliveryHeaders;
  payload: unknown;
  settings: Settings;
}): Promise<ShopifyWebhookAnswer> {
  const delivery = validateInput(DeliveryHeaders, headers);
  const webhookId = delivery['X-Shopify-Webhook-Id'];
  const topic = delivery['X-Shopify-Topic'];
  const seen = await ShopifyWebhook.findOne({ webhookId }).lean();
  if (seen)
    return {
      duplicate: true,
      outcome: seen.outcome,
      message: seen.message,
      orderId: seen.order ? String(seen.order) : undefined,
    };

  let order: ShopifyOrderPayload | undefined;
  let handled: Handled;
  if (!(SHOPIFY_ORDER_TOPICS as readonly string[]).includes(topic)) {
    handled = { outcome: 'ignored', message: `Kiwanda does not act on ${topic}` };
  } else {
    order = validateInput(ShopifyOrderPayload, payload);
    const channel = await Channel.findOne({ name: settings.channelName }).lean();
    if (!channel) throw new NotFoundError('channel', settings.channelName);
    try {
      handled =
        topic === 'orders/create'
          ? await createFromShopify(channel, order, settings, webhookId)
          : await cancelFromShopify(channel, order);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      handled = { outcome: 'refused', message: error.message };
    }
  }
  try {
    await ShopifyWebhook.create({
      webhookId,
      topic,
      shopDomain: delivery['X-Shopify-Shop-Domain'],
      triggeredAt: delivery['X-Shopify-Triggered-At'] ? new Date(delivery['X-Shopify-Triggered-At']) : undefined,
      shopifyOrder: order ? { name: order.name, id: order.admin_graphql_api_id ?? order.name } : undefined,
      outcome: handled.outcome,
      message: handled.message,
      order: handled.orderId,
    });
  } catch (error) {
    // The same delivery, arriving twice at once: the other one recorded it.
    if (!isDuplicateKeyError(error)) throw error;
    return { duplicate: true, ...handled };
  }
  return { duplicate: false, ...handled };
}
