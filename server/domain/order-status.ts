/**
 * The life of an order. It comes in open (not planned yet), is planned once a committed plan
 * covers every unit, is in production once work on it begins, and is shipped when every unit
 * has passed QC and been finished at HQ. Until it ships it can be cancelled. Safe to import from
 * the browser.
 */
export const ORDER_STATUSES = ['open', 'planned', 'in_production', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  // Work may begin on an order only partly planned, so open can go straight to production.
  open: ['planned', 'in_production', 'cancelled'],
  planned: ['in_production', 'cancelled'],
  // NOTE: cancelOrder still refuses an order any of whose jobs has started: that work is owed.
  in_production: ['shipped', 'cancelled'],
  shipped: [],
  cancelled: [],
};

/**
 * Orders the network still owes: every status an order can still move on from. The dashboards
 * call these "open orders"; the status `open` itself is narrower (not planned yet).
 */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter(
  (status) => ORDER_TRANSITIONS[status].length > 0,
);
