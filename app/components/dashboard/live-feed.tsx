import { Link } from '@remix-run/react';

import type { FeedItem } from '#server/dashboard/describe-audit-event';

import { formatNairobiTime } from '../../format';
import type { LiveEventName, LiveEventPayload } from '../../realtime/use-live-revalidation';
import { JOB_STATUS_LABELS } from './labels';

/** An event just pushed by the server, shown until the revalidated feed brings its full entry. */
export interface PushedFeedItem {
  key: string;
  at: string;
  summary: string;
  href: string | null;
}

/** Words for a pushed event; the payloads carry ids and statuses only, the revalidated feed adds names. */
export function describePushedEvent<Name extends LiveEventName>(
  name: Name,
  payload: LiveEventPayload<Name>,
): PushedFeedItem | null {
  const at = new Date().toISOString();
  const key = `${name}:${at}:${Math.random()}`;
  if (name === 'job:status') {
    const event = payload as LiveEventPayload<'job:status'>;
    const to = JOB_STATUS_LABELS[event.to as keyof typeof JOB_STATUS_LABELS] ?? event.to;
    return { key, at, summary: `A job of ${event.week} is now ${to.toLowerCase()}`, href: `/orders/${event.orderId}` };
  }
  if (name === 'order:created') {
    const event = payload as LiveEventPayload<'order:created'>;
    return {
      key,
      at,
      summary: `New ${event.source} order: ${event.units} units to ship in ${event.shipByWeek}`,
      href: `/orders/${event.orderId}`,
    };
  }
  if (name === 'order:cancelled') {
    const event = payload as LiveEventPayload<'order:cancelled'>;
    return {
      key,
      at,
      summary: `An order was cancelled (${event.cancelledJobs} jobs with it)`,
      href: `/orders/${event.orderId}`,
    };
  }
  if (name === 'plan:committed') {
    const event = payload as LiveEventPayload<'plan:committed'>;
    return { key, at, summary: `A plan was committed: ${event.jobs} jobs`, href: '/planning' };
  }
  return null;
}

/** Recent order and job events, newest first; pushed ones appear at once, highlighted. */
export function LiveFeed({ items, pushed }: { items: FeedItem[]; pushed: PushedFeedItem[] }) {
  if (items.length === 0 && pushed.length === 0) {
    return (
      <p className="muted">Nothing has happened yet. New orders and jobs moving will appear here as they happen.</p>
    );
  }
  return (
    <ol className="live-feed" data-testid="live-feed" aria-live="polite">
      {pushed.map((item) => (
        <li key={item.key} className="live-feed__item--pushed">
          {item.href ? <Link to={item.href}>{item.summary}</Link> : item.summary}
          <span className="live-feed__meta">just now</span>
        </li>
      ))}
      {items.map((item) => (
        <li key={item.id}>
          {item.href ? <Link to={item.href}>{item.summary}</Link> : item.summary}
          <span className="live-feed__meta">
            {formatNairobiTime(item.at)} · {item.actor}
          </span>
        </li>
      ))}
    </ol>
  );
}
