/**
 * How urgent an order is: planning weighs its units by it (a rush order displaces normal work
 * first). Lowest first. Safe to import from the browser.
 */
export const ORDER_PRIORITIES = ['normal', 'high', 'rush'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

export const ORDER_PRIORITY_LABELS: Record<OrderPriority, string> = { normal: 'Normal', high: 'High', rush: 'Rush' };

/** The priority above `priority`, or null at the top. */
export function nextOrderPriority(priority: OrderPriority): OrderPriority | null {
  return ORDER_PRIORITIES[ORDER_PRIORITIES.indexOf(priority) + 1] ?? null;
}
