import { type Types } from 'mongoose';

import { clampPage } from '../domain/paging';
import { Order } from '../models/order';
import { orderListFilter, orderListSort, type OrderListQuery } from './order-list-query';
import { type OrderRow } from './order-rows';
import { readKeptOrderRows } from './read-kept-order-rows';
import { cachedReadModel } from './read-model-cache';

export interface OrderPage {
  rows: OrderRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** The filter and sort of a query, without its page: every page of one list shares its ids. */
function listKey(query: OrderListQuery): string {
  const { page: _page, pageSize: _pageSize, ...list } = query;
  return JSON.stringify(list, Object.keys(list).sort());
}

/** Kept ids as one string of 24-character hex ids: a list of thousands of orders costs bytes per order, not an object. */
interface OrderIdList {
  count: number;
  hex: string;
}

const HEX_ID_LENGTH = 24;

/**
 * The ids of every order a query matches, in its order, kept per filter and sort: paging through a
 * list (and the planners who open the same one) reads one page of orders, not all of them sorted
 * again. Which orders match and where they sort change only with the orders themselves: their
 * arrival, cancellation, edits and status (a commit plans them); the age limit covers the
 * catalogue, whose products' skills the skill filter reads.
 */
const readOrderListIds = cachedReadModel<OrderListQuery, OrderIdList>({
  name: 'order-list-ids',
  invalidatedBy: ['order:created', 'order:cancelled', 'order:changed', 'order:status', 'plan:committed'],
  maxAgeMs: 30_000,
  keyOf: listKey,
  compute: async (query) => {
    const orders = await Order.find(await orderListFilter(query), { _id: 1 })
      .sort(orderListSort(query))
      .lean<{ _id: Types.ObjectId }[]>();
    return { count: orders.length, hex: orders.map((order) => order._id.toHexString()).join('') };
  },
});

/** One page of the orders table: the query's filter, sorted, counted, skipped and limited. */
export async function listOrders({ query }: { query: OrderListQuery }): Promise<OrderPage> {
  const ids = await readOrderListIds(query);
  // A page past the end shows the last page rather than an empty one.
  const { page, pageCount, skip } = clampPage({ page: query.page, total: ids.count, pageSize: query.pageSize });
  const pageIds: string[] = [];
  for (let index = skip; index < Math.min(ids.count, skip + query.pageSize); index++)
    pageIds.push(ids.hex.slice(index * HEX_ID_LENGTH, (index + 1) * HEX_ID_LENGTH));
  const kept = pageIds.length ? await readKeptOrderRows(pageIds) : new Map<string, OrderRow | null>();
  const rows = pageIds.flatMap((id) => kept.get(id) ?? []);
  return { rows, total: ids.count, page, pageCount, pageSize: query.pageSize };
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
