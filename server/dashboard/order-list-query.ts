import { type QueryFilter, type SortOrder, type Types } from 'mongoose';
import { z } from 'zod';

import { calendarDayString } from '../capacity/calendar-days';
import { oneOf } from '../domain/input-schemas';
import { ORDER_SOURCES } from '../domain/order-source';
import { OPEN_ORDER_STATUSES, ORDER_STATUSES } from '../domain/order-status';
import { pageNumber } from '../domain/paging';
import { SEARCH_MAX_LENGTH } from '../domain/search-limits';
import { SKILLS } from '../domain/skills';
import { nairobiDate } from '../domain/weeks';
import { type OrderDoc } from '../models/order';
import { Product } from '../models/product';

export const ORDER_SORT_COLUMNS = ['shipBy', 'placedAt', 'reference'] as const;
export const ORDER_PAGE_SIZES = [25, 50, 100] as const;

/**
 * The orders table's URL: filters, sort and page. The CSV download takes the same parameters,
 * so it holds exactly the rows the table pages through.
 */
export const OrderListQuery = z
  .object({
    /** `open` means every order still owed (open, planned, in production); `all` drops the filter. */
    status: oneOf(['open', 'all', ...ORDER_STATUSES.filter((status) => status !== 'open')]).default('open'),
    source: oneOf(ORDER_SOURCES).optional(),
    partner: z.string().max(80).optional(),
    skill: oneOf(SKILLS).optional(),
    shipFrom: calendarDayString.optional(),
    shipTo: calendarDayString.optional(),
    /** Part of the reference, the customer's name or the partner's name. */
    q: z.string().max(SEARCH_MAX_LENGTH, `is longer than ${SEARCH_MAX_LENGTH} characters`).optional(),
    sort: oneOf(ORDER_SORT_COLUMNS).default('shipBy'),
    dir: oneOf(['asc', 'desc']).default('asc'),
    page: pageNumber,
    pageSize: z.coerce
      .number()
      .refine(
        (size) => (ORDER_PAGE_SIZES as readonly number[]).includes(size),
        `must be one of ${ORDER_PAGE_SIZES.join(', ')}`,
      )
      .default(25),
  })
  .refine((query) => !query.shipFrom || !query.shipTo || query.shipFrom <= query.shipTo, {
    path: ['shipTo'],
    message: 'is before the first ship-by date',
  });

export type OrderListQuery = z.output<typeof OrderListQuery>;

function nairobiDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return nairobiDate({ year, month, day: date });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The MongoDB filter for a query's rows (the sort and page aside). */
export async function orderListFilter(query: OrderListQuery): Promise<QueryFilter<OrderDoc>> {
  const filter: QueryFilter<OrderDoc> = {};
  if (query.status === 'open') filter.status = { $in: [...OPEN_ORDER_STATUSES] };
  else if (query.status !== 'all') filter.status = query.status;
  if (query.source) filter.source = query.source;
  if (query.partner) filter.partner = query.partner;
  if (query.shipFrom || query.shipTo) {
    filter.shipBy = {
      ...(query.shipFrom ? { $gte: nairobiDayStart(query.shipFrom) } : {}),
      // Inclusive: up to the start of the next Nairobi day.
      ...(query.shipTo ? { $lt: new Date(nairobiDayStart(query.shipTo).getTime() + 24 * 60 * 60_000) } : {}),
    };
  }
  if (query.skill) {
    const products = await Product.find({ requiredSkill: query.skill }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    filter['lines.product'] = { $in: products.map((product) => product._id) };
  }
  if (query.q) {
    const pattern = new RegExp(escapeRegExp(query.q), 'i');
    filter.$or = [{ reference: pattern }, { 'customer.name': pattern }, { partner: pattern }];
  }
  return filter;
}

/** Sort with `_id` last, so rows with the same date keep one order from page to page. */
export function orderListSort(query: Pick<OrderListQuery, 'sort' | 'dir'>): Record<string, SortOrder> {
  const direction = query.dir === 'asc' ? 1 : -1;
  return { [query.sort]: direction, _id: direction };
}
