import { type LoaderFunctionArgs } from '@remix-run/node';

import {
  nairobiDateString,
  OrderListQuery,
  readPageQuery,
  requireDashboardReader,
  streamOrdersCsv,
} from '../dashboard.server';

/**
 * The orders table as CSV: the same filters and sort as /orders, every matching row (not one
 * page), streamed as it is read.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const query = readPageQuery(request, OrderListQuery);
  return new Response(streamOrdersCsv({ query }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kiwanda-orders-${nairobiDateString(new Date())}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
