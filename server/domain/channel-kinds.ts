import { type OrderSource } from './order-source';

/**
 * The sales channels that send orders through the API: the brand's own web shop, and retail
 * partners placing purchase orders. Safe to import from the browser.
 */
export const CHANNEL_KINDS = ['web-shop', 'retail-partner'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The order source a channel's orders are recorded under (prices and minimum lots follow it). */
export const ORDER_SOURCE_OF_CHANNEL: Record<ChannelKind, OrderSource> = {
  'web-shop': 'web',
  'retail-partner': 'retail',
};

/** A channel's name as it appears in keys, URLs and the CLI: lower-case words joined by dashes. */
export const CHANNEL_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
