/**
 * Where an order comes from: the web shop, a retail partner's purchase order, or entered at HQ by
 * a planner for a customer who is not a sales channel (a boutique, a corporate gift order). Safe
 * in the browser.
 */
export const ORDER_SOURCES = ['web', 'retail', 'hq'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const ORDER_SOURCE_LABELS: Record<OrderSource, string> = {
  web: 'Web shop',
  retail: 'Retail partners',
  hq: 'Entered at HQ',
};

/**
 * Trade orders (retail partners, and the customers HQ enters orders for) pay wholesale prices and
 * must meet each product's minimum lot; the web shop sells single pieces at retail prices.
 */
export function isTradeOrder(source: OrderSource): boolean {
  return source !== 'web';
}
