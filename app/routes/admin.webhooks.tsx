import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { requireRole } from '../auth.server';
import { formatCount, formatNairobiTime } from '../format';

export const meta: MetaFunction = () => [{ title: 'Webhook deliveries · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'admin');
  return { deliveries: await args.context.channels.listWebhookDeliveries() };
}

/** The admins' log of status webhooks sent to channels: what went where, and how each attempt went. */
export default function WebhookDeliveries() {
  const { deliveries } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Webhook deliveries</h1>
          <p>
            The newest {formatCount(deliveries.length)} status webhooks sent to sales channels. A delivery is retried,
            with the same event id, until the channel accepts it.
          </p>
        </div>
      </header>
      <section className="card">
        {deliveries.length === 0 ? (
          <p className="muted">No status webhook has been sent yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Queued</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Event</th>
                  <th scope="col">Event id</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Attempts
                  </th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Next attempt</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.eventId}>
                    <td>{formatNairobiTime(delivery.createdAt)}</td>
                    <td>{delivery.channel}</td>
                    <td>{delivery.type}</td>
                    <td>
                      <code>{delivery.eventId}</code>
                    </td>
                    <td>{delivery.status}</td>
                    <td className="num">{formatCount(delivery.attempts)}</td>
                    <td>{delivery.lastAnswer ?? '—'}</td>
                    <td>{delivery.nextAttemptAt ? formatNairobiTime(delivery.nextAttemptAt) : '—'}</td>
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
