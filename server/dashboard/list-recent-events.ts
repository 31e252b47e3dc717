import { Types } from 'mongoose';

import { DOMAIN_EVENT_NAMES } from '../domain/events';
import { AuditEvent, type AuditEventDoc } from '../models/audit-event';
import { Job } from '../models/job';
import { Order } from '../models/order';
import { Workshop } from '../models/workshop';
import { describeAuditEvent, type FeedItem, type FeedLookups } from './describe-audit-event';
import { cachedReadModel } from './read-model-cache';

/** What the live feed shows: what happens to orders and the work on them. */
const FEED_ENTITY_KINDS = new Set(['order', 'job', 'inspection', 'payment', 'plan']);
/**
 * Left out of the feed: jobs are offered, and orders become planned, by a plan commit, whose own
 * entry says how many jobs, units and workshops it offered; a line per job and per order would
 * bury everything else under 1,500 lines.
 */
const ACTIONS_SUMMED_UP_ELSEWHERE = ['job.offered', 'order.planned'];

function idsOf(values: unknown[]): Types.ObjectId[] {
  const unique = new Set(values.filter((value) => value != null).map(String));
  return [...unique].filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
}

/** The audit events the feed shows, newest first, each described in words with a link (see listRecentEvents). */
export async function computeRecentEvents({ limit = 15 }: { limit?: number } = {}): Promise<FeedItem[]> {
  // NOTE: read through the `at` index and filtered here; filtering on the entity kind in the query
  // would pick the entity index and sort the whole trail in memory.
  const recent = await AuditEvent.find(
    { action: { $nin: ACTIONS_SUMMED_UP_ELSEWHERE } },
    { at: 1, actor: 1, entity: 1, action: 1, after: 1 },
  )
    .sort({ at: -1 })
    .limit(limit * 4)
    .lean<AuditEventDoc[]>();
  const events = recent.filter((event) => FEED_ENTITY_KINDS.has(event.entity.kind)).slice(0, limit);

  const jobIds = idsOf(
    events.flatMap((event) =>
      event.entity.kind === 'job' ? [event.entity.id] : event.entity.kind !== 'order' ? [event.after?.job] : [],
    ),
  );
  const jobs = jobIds.length
    ? await Job.find({ _id: { $in: jobIds } }, { order: 1, workshop: 1, quantity: 1, skill: 1, plannedWeek: 1 }).lean()
    : [];
  const orderIds = idsOf([
    ...events.filter((event) => event.entity.kind === 'order').map((event) => event.entity.id),
    ...jobs.map((job) => job.order),
  ]);
  const workshopIds = idsOf(jobs.map((job) => job.workshop));
  const [orders, workshops] = await Promise.all([
    orderIds.length ? Order.find({ _id: { $in: orderIds } }, { reference: 1 }).lean() : [],
    workshopIds.length ? Workshop.find({ _id: { $in: workshopIds } }, { code: 1 }).lean() : [],
  ]);
  const lookups: FeedLookups = {
    jobs: new Map(jobs.map((job) => [String(job._id), job])),
    orderReferences: new Map(orders.map((order) => [String(order._id), order.reference])),
    workshopCodes: new Map(workshops.map((workshop) => [String(workshop._id), workshop.code])),
  };
  return events.map((event) => describeAuditEvent({ event, lookups }));
}

/**
 * The feed every overview shows, read once per change: whatever is written to the trail of
 * orders, jobs, inspections, payments and plans comes with a domain event, and any event drops
 * the kept feed. The short age limit covers what a script or another process writes unannounced.
 */
export const listRecentEvents = cachedReadModel<{ limit?: number } | void, FeedItem[]>({
  name: 'recent-events',
  invalidatedBy: DOMAIN_EVENT_NAMES,
  maxAgeMs: 10_000,
  keyOf: (input) => String(input?.limit ?? 15),
  compute: (input) => computeRecentEvents(input ?? {}),
});
