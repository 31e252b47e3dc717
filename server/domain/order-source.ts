/** Where an order comes from: the web shop, or a retail partner's purchase order. Safe in the browser. */
export const ORDER_SOURCES = ['web', 'retail'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];
