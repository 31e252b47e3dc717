import { type LoaderFunctionArgs } from '@remix-run/node';

import { ORDER_ENTRY_ROLES } from '#server/domain/roles';

import { requireRole } from '../auth.server';

/** A purchase-order file to start from, in the columns /orders/import reads, from today's catalogue. */
export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, ORDER_ENTRY_ROLES);
  const csv = await args.context.orderEntry.samplePurchaseOrderCsv();
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kiwanda-purchase-order-sample.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
