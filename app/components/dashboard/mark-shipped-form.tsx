import { Form, useNavigation } from '@remix-run/react';

import type { OrderDetail } from '#server/dashboard/read-order-detail';

import { formatCount } from '../../format';

type ShipResult = { ok: true; shipped?: string } | { ok: false; error: string } | undefined;

/**
 * HQ's "Mark shipped" on an order in production: offered once every unit has passed QC, with the
 * reason it is not offered yet otherwise. The server checks again and answers 409 if it is not.
 */
export function MarkShippedForm({
  order,
  result,
}: {
  order: Pick<OrderDetail, 'status' | 'unitsAwaitingPass'>;
  result: ShipResult;
}) {
  const navigation = useNavigation();
  return (
    <>
      {result?.ok === true ? (
        <p className="notice notice--good" role="status">
          {`${result.shipped} is marked shipped; its channel is told.`}
        </p>
      ) : null}
      {result?.ok === false ? (
        <p className="notice notice--bad" role="alert">
          {result.error}
        </p>
      ) : null}
      {order.status !== 'in_production' ? null : order.unitsAwaitingPass > 0 ? (
        <p className="muted" data-testid="ship-not-ready">
          {`Not ready to ship: ${formatCount(order.unitsAwaitingPass)} units still have to pass inspection.`}
        </p>
      ) : (
        <Form method="post" className="ship-form" aria-label="Mark the order shipped">
          <input type="hidden" name="intent" value="ship" />
          <p>Every unit has passed inspection: the order is ready to ship.</p>
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
            Mark shipped
          </button>
        </Form>
      )}
    </>
  );
}
