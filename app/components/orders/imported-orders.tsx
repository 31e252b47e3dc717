import { Link } from '@remix-run/react';

import type { ImportedOrder } from '#server/services/orders/import-purchase-order';

import { formatCount, formatDay } from '../../format';

/** What an import wrote: how many orders and lines, each order linked with its lines' promised dates. */
export function ImportedOrders({
  result,
}: {
  result: { customer: string; orders: ImportedOrder[]; lineCount: number; leftOut: number };
}) {
  return (
    <section className="notice notice--good" data-testid="import-done">
      <p>
        Imported {formatCount(result.orders.length)} order{result.orders.length === 1 ? '' : 's'} with{' '}
        {formatCount(result.lineCount)} line{result.lineCount === 1 ? '' : 's'} for {result.customer}
        {result.leftOut > 0
          ? `, leaving out ${formatCount(result.leftOut)} bad row${result.leftOut === 1 ? '' : 's'}`
          : ''}
        .
      </p>
      <ul>
        {result.orders.map((order) => (
          <li key={order.orderId}>
            <Link to={`/orders/${order.orderId}`}>{order.reference}</Link> (PO {order.poNumber}):{' '}
            {order.lines
              .map(
                (line) =>
                  `${line.sku} × ${formatCount(line.quantity)} promised ${line.promisedShipDate ? formatDay(line.promisedShipDate) : 'no date yet'}`,
              )
              .join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
