import { type Types } from 'mongoose';

import { cachedReadModel, droppedBy } from '../../dashboard/read-model-cache';
import { PLAN_INPUT_EVENTS } from '../../domain/events';
import { CAPACITY_HOLDING_STATUSES, moveChangesHeldTime } from '../../domain/job-status';
import { type WeekLabel } from '../../domain/weeks';
import { Job } from '../../models/job';

/** Order line id → units that live jobs planned from `sinceWeek` on already cover. */
export type CoveredUnits = ReadonlyMap<string, number>;

/**
 * What live jobs (other than declined or cancelled ones) planned from `sinceWeek` on cover, by
 * order line. A week range on an indexed field beats a long `$in` of order ids.
 */
export async function readCoveredUnits(sinceWeek: WeekLabel): Promise<CoveredUnits> {
  const covered = await Job.aggregate<{ _id: Types.ObjectId; units: number }>([
    { $match: { plannedWeek: { $gte: sinceWeek }, status: { $in: CAPACITY_HOLDING_STATUSES } } },
    { $group: { _id: '$orderLine', units: { $sum: '$quantity' } } },
  ]);
  return new Map(covered.map((row) => [String(row._id), row.units]));
}

/**
 * Only jobs change what is covered, and every change to a job's units or status announces itself
 * (`job:status`, a cancelled or changed order, capacity moving work): the coverage is kept until
 * one of those. A new order has no jobs yet, so the channels' orders, many a second, do not drop
 * it, and the promise book's reads do not group every job again for each.
 * NOTE: `job:status` moves between statuses that both hold capacity change nothing covered.
 */
export const readKeptCoveredUnits = cachedReadModel<WeekLabel, CoveredUnits>({
  name: 'covered-order-lines',
  invalidatedBy: droppedBy(
    PLAN_INPUT_EVENTS.filter((event) => event !== 'order:created'),
    { 'job:status': (event) => (moveChangesHeldTime(event) ? 'all' : []) },
  ),
  maxAgeMs: 60_000,
  keyOf: (sinceWeek) => sinceWeek,
  compute: readCoveredUnits,
  maxKept: 2,
});
