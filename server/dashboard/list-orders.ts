import { clampPage } from '../domain/paging';
import { Order } from '../models/order';
import { orderListFilter, orderListSort, type OrderListQuery } from './order-list-query';
import { ORDER_ROW_PROJECTION, toOrderRows, type OrderRow, type OrderRowSource } from './order-rows';
import { cachedReadModel } from './read-model-cache';

export interface OrderPage {
  rows: OrderRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** One page of the orders table: the query's filter, sorted, counted, skipped and limited in the database. */
export async function listOrders({ query }: { query: OrderListQuery }): Promise<OrderPage> {
  const filter = await orderListFilter(query);
  // Counted first, so that a page past the end shows the last page rather than an empty one.
  const total = await Order.countDocuments(filter);
  const { page, pageCount, skip } = clampPage({ page: query.page, total, pageSize: query.pageSize });
  const orders = await Order.find(filter, ORDER_ROW_PROJECTION)
    .sort(orderListSort(query))
    .skip(skip)
    .limit(query.pageSize)
    .lean<OrderRowSource[]>();
  return { rows: await toOrderRows(orders), total, page, pageCount, pageSize: query.pageSize };
}

/**
 * Retail partners for the filter's choices. Kept between requests (every order is read to find
 * them), with new orders and a ten-minute age limit refreshing it.
 */
export const listOrderPartners = cachedReadModel<void, string[]>({
  name: 'order-partners',
  invalidatedBy: ['order:created'],
  maxAgeMs: 10 * 60_000,
  keyOf: () => 'all',
  compute: async () => {
    const partners = await Order.distinct('partner', { source: 'retail' });
    return partners.filter((partner): partner is string => typeof partner === 'string').sort();
  },
});
