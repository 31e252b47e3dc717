import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { MESSAGE_EVENTS } from '#server/domain/events';
import { LANGUAGE_NAMES } from '#server/domain/languages';
import {
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  MESSAGE_STATE_LABELS,
  MESSAGE_STATES,
  RESENDABLE_STATES,
  type MessageState,
} from '#server/domain/message-status';
import type { MessageRow } from '#server/services/messages/list-messages';

import { requireActor, requireRole } from '../auth.server';
import { FilterActions } from '../components/dashboard/filter-actions';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { Pagination } from '../components/pagination';
import { formatCount, formatKesExact, formatNairobiTime } from '../format';
import { useActionResult } from '../realtime/use-action-result';
import { useLiveRevalidation } from '../realtime/use-live-revalidation';
import { answerDomainErrors, parseForm, parseQuery, runAction } from '../route-input.server';

export const meta: MetaFunction = () => [{ title: 'SMS · Kiwanda' }];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireRole(args, 'messages');
  const { messages } = args.context;
  const query = parseQuery(args.request, messages.queries.MessageListQuery);
  const list = await answerDomainErrors(() => messages.listMessages({ query }));
  const { provider } = messages;
  // The delivery-report URL holds the callback secret: only administrators, who configure it, see it.
  const deliveryReportUrl = provider.enabled && user.role === 'admin' ? provider.deliveryReportUrl : null;
  return { query, list, provider: provider.enabled ? { enabled: true as const } : provider, deliveryReportUrl };
}

/** Sends a failed message, or one whose outcome is unknown, again (a manager's decision). */
export async function action(args: ActionFunctionArgs) {
  return runAction(async () => {
    const actor = await requireActor(args, 'messages');
    const { messageId } = await parseForm(args.request, args.context.messages.forms.ResendForm);
    return args.context.messages.resendMessage({ actor, messageId });
  });
}

const BADGE_OF: Record<MessageState, string> = {
  queued: 'badge',
  sending: 'badge',
  sent: 'badge',
  delivered: 'badge badge--good',
  failed: 'badge badge--bad',
  rejected: 'badge badge--bad',
  unknown: 'badge badge--bad',
};

/** Why a message stands where it does, in a line under its state. */
function stateNote(row: MessageRow): string | null {
  if (row.status === 'unknown')
    return `${row.lastError ?? 'No answer'}. It may have reached the artisan; Kiwanda does not send it again by itself.`;
  if (row.status === 'failed' || row.status === 'rejected') return row.failureReason ?? row.lastError;
  if (row.status === 'queued' && row.lastError) return `Nothing sent yet: ${row.lastError}. Tried again later.`;
  return null;
}

function hrefWith(query: Record<string, string | number | undefined>, change: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, page: undefined, ...change }))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `/messages?${search}` : '/messages';
}

/** The SMS Kiwanda sends artisans, message by message, with where each stands and what the network reported. */
export default function Messages() {
  const { query, list, provider, deliveryReportUrl } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  useLiveRevalidation(MESSAGE_EVENTS);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>SMS to artisans</h1>
          <p>
            Job offers, inspection results and payment receipts, sent by Africa&apos;s Talking in each artisan&apos;s
            language. Each message is written with the change that causes it and sent once. When Africa&apos;s Talking
            does not answer a send, the message may have gone: it is marked <em>outcome unknown</em> and is not sent
            again, so nobody gets the same SMS twice.
          </p>
        </div>
      </header>

      {provider.enabled ? null : (
        <p className="notice notice--bad" role="alert" data-testid="provider-off">
          {provider.reason} Messages are still written down and wait here; they are sent once SMS is configured.
        </p>
      )}
      {deliveryReportUrl ? (
        <p className="notice" data-testid="delivery-report-url">
          Delivery reports: register <code>{deliveryReportUrl}</code> in the Africa&apos;s Talking dashboard (SMS → SMS
          Callback URLs → Delivery Reports).
        </p>
      ) : null}

      {result?.ok === false ? (
        <p className="notice notice--bad" role="alert">
          {result.error}
        </p>
      ) : null}
      {result?.ok === true ? (
        <p className="notice notice--good" role="status">
          The message is queued again and goes with the sender&apos;s next round.
        </p>
      ) : null}

      <section className="card" aria-labelledby="states">
        <h2 id="states">
          {list.recipientName
            ? `Messages to ${list.recipientName}`
            : query.kind
              ? `${MESSAGE_KIND_LABELS[query.kind]}s`
              : 'All messages'}
        </h2>
        <ul className="state-counts" data-testid="state-counts">
          {MESSAGE_STATES.map((state) => (
            <li key={state}>
              <Link to={hrefWith(query, { status: state })} className={BADGE_OF[state]}>
                {MESSAGE_STATE_LABELS[state]}: {formatCount(list.counts[state])}
              </Link>
            </li>
          ))}
        </ul>
        <Form method="get" className="filters" aria-label="Filter messages">
          <label>
            Kind
            <select name="kind" defaultValue={query.kind ?? ''}>
              <option value="">Any</option>
              {MESSAGE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {MESSAGE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          <label>
            State
            <select name="status" defaultValue={query.status ?? ''}>
              <option value="">Any</option>
              {MESSAGE_STATES.map((state) => (
                <option key={state} value={state}>
                  {MESSAGE_STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </label>
          {query.artisan ? <input type="hidden" name="artisan" value={query.artisan} /> : null}
          <FilterActions resetTo="/messages" resetLabel={query.artisan ? 'All recipients' : 'Clear'} />
        </Form>
      </section>

      <section className="card">
        <div className="table-scroll">
          <table className="data" data-testid="messages-table">
            <thead>
              <tr>
                <th scope="col">Written</th>
                <th scope="col">To</th>
                <th scope="col">Kind</th>
                <th scope="col">Message</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Sends
                </th>
                <th scope="col">Delivery report</th>
                <th scope="col" className="num">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => {
                const note = stateNote(row);
                return (
                  <tr key={row.id} data-testid="message-row">
                    <td className="nowrap">{formatNairobiTime(row.queuedAt)}</td>
                    <td>
                      <Link to={hrefWith(query, { artisan: row.artisanId })}>{row.recipientName}</Link>
                      <div className="muted nowrap">
                        {row.phone} · {LANGUAGE_NAMES[row.language]}
                      </div>
                    </td>
                    <td className="nowrap">{MESSAGE_KIND_LABELS[row.kind]}</td>
                    <td className="message-text">{row.text}</td>
                    <td>
                      <span className={BADGE_OF[row.status]} data-testid="message-state">
                        {MESSAGE_STATE_LABELS[row.status]}
                      </span>
                      {note ? <div className="muted">{note}</div> : null}
                      {RESENDABLE_STATES.includes(row.status) ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="messageId" value={row.id} />
                          <button type="submit" className="button button--quiet button--small">
                            Send again
                          </button>
                        </Form>
                      ) : null}
                    </td>
                    <td className="num">{formatCount(row.attempts)}</td>
                    <td data-testid="delivery-report">
                      {row.reports.length === 0 ? (
                        <span className="muted">{row.sentAt ? 'None yet' : '—'}</span>
                      ) : (
                        <ol className="report-steps">
                          {row.reports.map((report) => (
                            <li key={report.status}>
                              {report.status}
                              {report.failureReason ? ` (${report.failureReason})` : ''}
                              <span className="muted">
                                {' '}
                                · {formatNairobiTime(report.receivedAt)}
                                {report.networkCode ? ` · network ${report.networkCode}` : ''}
                              </span>
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                    <td className="num nowrap">
                      {row.costCents !== null ? formatKesExact(row.costCents) : (row.cost ?? '—')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {list.rows.length === 0 ? <p className="muted">No messages match these filters.</p> : null}
        <Pagination page={list.page} pageCount={list.pages} total={list.total} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/messages" backLabel="Back to all messages" />;
}
