/**
 * The status webhooks Kiwanda sends a channel about its orders (the `type` of each delivery).
 * Safe to import from the browser.
 */
export const CHANNEL_WEBHOOK_EVENTS = [
  'order.accepted',
  'order.in_production',
  'order.ready_to_ship',
  'order.shipped',
  'order.cancelled',
] as const;
export type ChannelWebhookEvent = (typeof CHANNEL_WEBHOOK_EVENTS)[number];

/** Where a delivery stands: waiting for its (next) attempt, received by the channel, or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
