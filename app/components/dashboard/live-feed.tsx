import { Link } from '@remix-run/react';

import type { FeedItem, FeedSubject } from '#server/dashboard/describe-audit-event';
import { describePlanCommitted } from '#server/domain/committed-plan';

import { formatNairobiTime } from '../../format';
import type { LiveEventName, LiveEventPayload } from '../../realtime/use-live-revalidation';
import { JOB_STATUS_LABELS } from './labels';

/** An event just pushed by the server, shown until the revalidated feed brings its full entry. */
export interface PushedFeedItem {
  key: string;
  at: string;
  summary: string;
  subject: FeedSubject | null;
}

/** Where an entry links to: its order's page, or the plans. */
function hrefOf(subject: FeedSubject | null): string | null {
  if (!subject) return null;
  return subject.kind === 'order' ? `/orders/${subject.orderId}` : '/planning';
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
    // Offers come from a plan commit, which gets one entry of its own (plan:committed).
    if (event.to === 'offered') return null;
    const to = JOB_STATUS_LABELS[event.to];
    return {
      key,
      at,
      summary: `A job of ${event.week} is now ${to.toLowerCase()}`,
      subject: { kind: 'order', orderId: event.orderId },
    };
  }
  if (name === 'order:created') {
    const event = payload as LiveEventPayload<'order:created'>;
    return {
      key,
      at,
      summary: `New ${event.source} order: ${event.units} units to ship in ${event.shipByWeek}`,
      subject: { kind: 'order', orderId: event.orderId },
    };
  }
  if (name === 'order:cancelled') {
    const event = payload as LiveEventPayload<'order:cancelled'>;
    return {
      key,
      at,
      summary: `An order was cancelled (${event.cancelledJobs} jobs with it)`,
      subject: { kind: 'order', orderId: event.orderId },
    };
  }
  if (name === 'plan:committed') {
    const event = payload as LiveEventPayload<'plan:committed'>;
    return { key, at, summary: describePlanCommitted(event), subject: { kind: 'plans' } };
  }
  return null;
}

function FeedEntry({ item }: { item: { summary: string; subject: FeedSubject | null } }) {
  const href = hrefOf(item.subject);
  return href ? <Link to={href}>{item.summary}</Link> : <>{item.summary}</>;
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
          <FeedEntry item={item} />
          <span className="live-feed__meta">just now</span>
        </li>
      ))}
      {items.map((item) => (
        <li key={item.id}>
          <FeedEntry item={item} />
          <span className="live-feed__meta">
            {formatNairobiTime(item.at)} · {item.actor}
          </span>
        </li>
      ))}
    </ol>
  );
}
