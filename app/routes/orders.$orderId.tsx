import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { objectIdString } from '#server/domain/input-schemas';
import { ORDER_SOURCE_LABELS } from '#server/domain/order-source';
import { ORDER_TRANSITIONS } from '#server/domain/order-status';
import { mayEnterOrders, ORDER_ENTRY_ROLES } from '#server/domain/roles';
import { SKILL_LABELS } from '#server/domain/skills';

import { requireActor } from '../auth.server';
import { JobsTable, WORKSHOP_COLUMN } from '../components/dashboard/jobs-table';
import { MarkShippedForm } from '../components/dashboard/mark-shipped-form';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { OrderStatusBadge } from '../components/dashboard/status-badge';
import { CancelOrderForm } from '../components/orders/cancel-order-form';
import orderEntryStyles from '../components/orders/order-entry.css';
import { requireDashboardReader } from '../dashboard.server';
import { formatCount, formatDay, formatKes } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseForm, parseParams, parseQuery, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: orderEntryStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.order.reference ?? 'Order'} · Kiwanda` },
];

const OrderParams = z.object({ orderId: objectIdString });

/** `?entered=1`: the order was just entered at HQ's order form, whose answer is this page. */
const OrderPageQuery = z.object({ entered: z.literal('1').optional() });

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireDashboardReader(args);
  const { orderId } = parseParams(args.params, OrderParams);
  const { entered } = parseQuery(args.request, OrderPageQuery);
  const order = await answerDomainErrors(() => args.context.dashboard.readOrderDetail({ orderId }));
  const mayCancel = mayEnterOrders(user.role) && ORDER_TRANSITIONS[order.status].includes('cancelled');
  return { order, entered: entered === '1', mayCancel, mayShip: args.context.shipping.roles.includes(user.role) };
}

const OrderActionIntent = z.object({ intent: z.enum(['ship', 'cancel'], { error: 'must be "ship" or "cancel"' }) });

/** Marks the order shipped (once every unit has passed QC), or cancels it with the reason chosen. */
export async function action(args: ActionFunctionArgs) {
  // Which form was sent, kept with a refusal so that it is said beside that form.
  let intent: 'ship' | 'cancel' | null = null;
  return runAction(
    async () => {
      const { orderId } = parseParams(args.params, OrderParams);
      ({ intent } = await parseForm(args.request.clone(), OrderActionIntent));
      if (intent === 'ship') {
        const actor = await requireActor(args, args.context.shipping.roles);
        const order = await args.context.shipping.markOrderShipped({ actor, orderId });
        return { intent, shipped: order.reference };
      }
      const actor = await requireActor(args, ORDER_ENTRY_ROLES);
      const { orderEntry } = args.context;
      const form = await parseForm(args.request, orderEntry.forms.CancelOrderForm);
      const { cancelledJobs } = await orderEntry.cancelOrderFromPage({ actor, orderId, form });
      return { intent, cancelledJobs };
    },
    () => ({ intent }),
  );
}

export default function OrderDetailPage() {
  const { order, entered, mayCancel, mayShip } = useLoaderData<typeof loader>();
  const answer = useActionResult<typeof action>();
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

      {answer?.ok && answer.cancelledJobs !== undefined ? (
        <p className="notice notice--good" data-testid="order-cancelled">
          Order {order.reference} cancelled
          {answer.cancelledJobs > 0
            ? `, with ${formatCount(answer.cancelledJobs)} job${answer.cancelledJobs === 1 ? '' : 's'} not yet started`
            : ''}
          .
        </p>
      ) : null}
      {entered ? (
        <section className="notice notice--good" data-testid="order-entered">
          <p>
            Order {order.reference} entered. Promised ship dates:{' '}
            {order.lines
              .map(
                (line) =>
                  `${line.sku} × ${formatCount(line.quantity)} by ${line.promisedShipDate ? formatDay(line.promisedShipDate) : 'no date yet (no room in the next 12 weeks)'}`,
              )
              .join('; ')}
            .
          </p>
        </section>
      ) : null}

      <section className="card">
        <dl className="facts">
          <div>
            <dt>Customer</dt>
            <dd>
              {order.customer}
              {order.store ? ` · ${order.store}` : ''} ({order.country})
            </dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>
              {ORDER_SOURCE_LABELS[order.source]}
              {order.partner ? ` · ${order.partner}` : ''}
              {order.externalRef ? ` · their number ${order.externalRef}` : ''}
            </dd>
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
        {order.notes ? <p className="muted">Notes: {order.notes}</p> : null}
        {order.cancelReason ? (
          <p className="notice notice--bad" data-testid="cancel-reason">
            Cancelled{order.cancelledOn ? ` on ${formatDay(order.cancelledOn)}` : ''}: {order.cancelReason}
          </p>
        ) : null}
        {order.shippedOn ? <p className="notice notice--good">Shipped on {formatDay(order.shippedOn)}.</p> : null}
        {mayShip ? <MarkShippedForm order={order} result={answer?.intent === 'ship' ? answer : undefined} /> : null}
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
              {line.promisedShipDate ? ` · promised by ${formatDay(line.promisedShipDate)}` : ''}
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

      {mayCancel || (answer?.ok === false && answer.intent === 'cancel') ? (
        <CancelOrderForm failure={answer?.ok === false && answer.intent === 'cancel' ? answer : undefined} />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/orders" backLabel="Back to the orders" />;
}
