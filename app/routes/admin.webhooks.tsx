import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { WEBHOOK_DELIVERY_STATUSES } from '#server/domain/channel-webhook-events';

import { requireActor, requireRole } from '../auth.server';
import channelStyles from '../components/channels/channels.css';
import { FilterActions } from '../components/dashboard/filter-actions';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { formatCount, formatNairobiTime } from '../format';
import { answerDomainErrors, parseForm, parseQuery, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: channelStyles }];

export const meta: MetaFunction = () => [{ title: 'Webhook deliveries · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'admin');
  const { channels } = args.context;
  const query = parseQuery(args.request, channels.queries.WebhookLogQuery);
  const log = await answerDomainErrors(() => channels.listWebhookDeliveries({ query }));
  return { query, ...log };
}

/** Sends a failed delivery again, with its event id. */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'admin');
    const { eventId } = await parseForm(args.request, z.object({ eventId: z.string() }));
    return args.context.channels.retryWebhookDelivery({ actor, eventId });
  });
}

type Delivery = SerializeFrom<typeof loader>['deliveries'][number];

const BADGE_OF: Record<string, string> = {
  pending: 'badge',
  delivered: 'badge badge--good',
  failed: 'badge badge--bad',
};

function Attempts({ delivery }: { delivery: Delivery }) {
  if (delivery.attempts.length === 0) return <span className="muted">none yet</span>;
  return (
    <ol className="attempts">
      {delivery.attempts.map((attempt, index) => (
        <li key={index}>
          {formatNairobiTime(attempt.at)}: {attempt.answer}
        </li>
      ))}
    </ol>
  );
}

/** The admins' log of status webhooks sent to channels: what went where, and how each attempt went. */
export default function WebhookDeliveries() {
  const { query, deliveries, channels, unknownChannel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/admin/channels">← Channels</Link>
          </p>
          <h1>Webhook deliveries</h1>
          <p>
            Status webhooks sent to sales channels, newest first ({formatCount(deliveries.length)} shown). A delivery is
            retried, with the same event id and growing waits, until the channel accepts it; after the last attempt it
            is marked failed and can be sent again from here.
          </p>
        </div>
      </header>
      {result?.ok === true ? (
        <p className="notice notice--good" role="status">
          {`${result.eventId} is queued again and goes out within seconds.`}
        </p>
      ) : null}
      {result?.ok === false ? (
        <p className="notice notice--bad" role="alert">
          {result.error}
        </p>
      ) : null}
      <section className="card">
        <Form method="get" className="filters" aria-label="Filter deliveries">
          <label>
            Channel
            <select name="channel" defaultValue={query.channel ?? ''}>
              <option value="">Any</option>
              {channels.map((channel) => (
                <option key={channel.name} value={channel.name}>
                  {channel.displayName}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select name="status" defaultValue={query.status ?? ''}>
              <option value="">Any</option>
              {WEBHOOK_DELIVERY_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>
          </label>
          <FilterActions resetTo="/admin/webhooks" />
        </Form>
      </section>
      <section className="card">
        {unknownChannel ? (
          <p className="notice notice--bad">{`There is no channel named ${query.channel ?? ''}.`}</p>
        ) : deliveries.length === 0 ? (
          <p className="muted">No status webhook matches.</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="webhook-deliveries">
              <thead>
                <tr>
                  <th scope="col">Queued</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Event</th>
                  <th scope="col">Event id</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts and answers</th>
                  <th scope="col">Next attempt</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.eventId}>
                    <td className="nowrap">{formatNairobiTime(delivery.createdAt)}</td>
                    <td>{delivery.channel}</td>
                    <td>
                      <Link to={`/orders/${delivery.orderId}`}>{delivery.type}</Link>
                    </td>
                    <td>
                      <code>{delivery.eventId}</code>
                    </td>
                    <td>
                      <span className={BADGE_OF[delivery.status] ?? 'badge'}>{delivery.status}</span>
                    </td>
                    <td>
                      <Attempts delivery={delivery} />
                    </td>
                    <td className="nowrap">
                      {delivery.nextAttemptAt ? (
                        formatNairobiTime(delivery.nextAttemptAt)
                      ) : delivery.status === 'failed' ? (
                        <Form method="post">
                          <input type="hidden" name="eventId" value={delivery.eventId} />
                          <button type="submit" className="button button--small">
                            Retry now
                          </button>
                        </Form>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/admin/webhooks" backLabel="Back to the delivery log" />;
}
