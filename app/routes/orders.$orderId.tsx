import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';
import { SKILL_LABELS } from '#server/domain/skills';

import { requireActor } from '../auth.server';
import { JobsTable, WORKSHOP_COLUMN } from '../components/dashboard/jobs-table';
import { MarkShippedForm } from '../components/dashboard/mark-shipped-form';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { OrderStatusBadge } from '../components/dashboard/status-badge';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount, formatDay, formatKes } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseParams, runAction } from '../route-input.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.order.reference ?? 'Order'} · Kiwanda` },
];

const OrderParams = z.object({ orderId: objectIdString });

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireDashboardReader(args);
  const { orderId } = parseParams(args.params, OrderParams);
  const order = await answerDomainErrors(() => args.context.dashboard.readOrderDetail({ orderId }));
  return { order, mayShip: args.context.shipping.roles.includes(user.role) };
}

/** Marks the order shipped (planners and admins, once every unit has passed QC). */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, args.context.shipping.roles);
    const { orderId } = parseParams(args.params, OrderParams);
    const order = await args.context.shipping.markOrderShipped({ actor, orderId });
    return { shipped: order.reference };
  });
}

export default function OrderDetailPage() {
  const { order, mayShip } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  useLiveRevalidation(['job:status', 'order:cancelled', 'order:status', 'plan:committed', 'inspection:recorded']);
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);

  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/orders">← Orders</Link>
          </p>
          <h1>
            {order.reference} <OrderStatusBadge status={order.status} />
          </h1>
        </div>
      </header>

      <section className="card">
        <dl className="facts">
          <div>
            <dt>Customer</dt>
            <dd>
              {order.customer} ({order.country})
            </dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{order.source === 'web' ? 'Web shop' : `Retail · ${order.partner}`}</dd>
          </div>
          <div>
            <dt>Placed</dt>
            <dd>{formatDay(order.placedOn)}</dd>
          </div>
          <div>
            <dt>Ship by</dt>
            <dd>{formatDay(order.shipBy)}</dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd>{order.priority}</dd>
          </div>
          <div>
            <dt>Units · value</dt>
            <dd>
              {formatCount(units)} · {formatKes(order.valueCents)}
            </dd>
          </div>
        </dl>
        {order.cancelReason ? <p className="notice notice--bad">Cancelled: {order.cancelReason}</p> : null}
        {order.shippedOn ? <p className="notice notice--good">Shipped on {formatDay(order.shippedOn)}.</p> : null}
        {mayShip ? <MarkShippedForm order={order} result={result} /> : null}
      </section>

      {order.lines.map((line) => (
        <section key={line.id} className="card line-card" data-testid="order-line">
          <div className="card__header">
            <h3>
              {line.product} <span className="muted">· {line.sku}</span>
            </h3>
            <span className="muted">
              {line.skill ? SKILL_LABELS[line.skill] : 'unknown product'} · {formatCount(line.quantity)} ordered ·{' '}
              {formatCount(line.plannedUnits)} planned · {formatCount(line.madeUnits)} made ·{' '}
              {formatKes(line.unitPriceCents)} each
            </span>
          </div>
          {line.jobs.length === 0 ? (
            <p className="muted">No job makes this line yet: the next plan will place it.</p>
          ) : (
            <JobsTable jobs={line.jobs} columns={[WORKSHOP_COLUMN]} />
          )}
        </section>
      ))}

      {order.unmadeLines.length > 0 ? (
        <section className="card" aria-labelledby="unmade-lines" data-testid="unmade-lines">
          <h3 id="unmade-lines">Not made by Kiwanda</h3>
          <p className="muted">
            The channel’s order also held these lines. Kiwanda has no product for them, so they are not planned: whoever
            packs the order must source them elsewhere or tell the customer.
          </p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Quantity
                </th>
              </tr>
            </thead>
            <tbody>
              {order.unmadeLines.map((line, index) => (
                <tr key={index}>
                  <td>{line.sku ? <code>{line.sku}</code> : '—'}</td>
                  <td>{line.title}</td>
                  <td className="num">{formatCount(line.quantity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/orders" backLabel="Back to the orders" />;
}
