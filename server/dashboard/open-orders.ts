import { type OrderStatus } from '../models/order';

/**
 * Orders the network still owes: not yet shipped, not cancelled. The dashboards call them
 * "open orders"; the order status `open` is narrower (not planned yet).
 */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ['open', 'planned', 'in_production'];
