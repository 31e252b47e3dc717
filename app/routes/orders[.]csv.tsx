import { type LoaderFunctionArgs } from '@remix-run/node';

import { nairobiDateString } from '#server/domain/weeks';

import { requireDashboardReader } from '../dashboard.server';
import { parseQuery } from '../route-input.server';

/**
 * The orders table as CSV: the same filters and sort as /orders, every matching row (not one
 * page), streamed as it is read.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requireDashboardReader(args);
  const { dashboard, clock } = args.context;
  const query = parseQuery(args.request, dashboard.queries.OrderListQuery);
  return new Response(dashboard.streamOrdersCsv({ query }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kiwanda-orders-${nairobiDateString(clock.now())}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
