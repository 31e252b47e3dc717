import { addMinutes } from 'date-fns';

import { type JobDoc } from '../models/job';
import { type WorkshopDoc } from '../models/workshop';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/**
 * An offer another workshop turned down before `job` was given to the one that made it: the
 * small churn of real dispatch, which the audit of a job's order shows.
 */
export function declinedOffer({
  random,
  ids,
  index,
  job,
  workshops,
}: {
  random: Random;
  ids: SeededObjectId;
  index: number;
  job: JobDoc;
  workshops: readonly WorkshopDoc[];
}): JobDoc | null {
  const others = workshops.filter(
    (workshop) => workshop.skills.includes(job.skill) && !workshop._id.equals(job.workshop),
  );
  if (others.length === 0) return null;
  const offeredAt = addMinutes(job.createdAt, -random.int(30, 180));
  const declinedAt = addMinutes(offeredAt, random.int(20, 90));
  const by = { role: 'artisan', label: 'workshop lead' };
  // The declined offer never had an artisan, nor anything passed.
  const { artisan: _artisan, passedAt: _passedAt, ...offer } = job;
  return {
    ...offer,
    _id: ids('declined-job', index, offeredAt),
    workshop: random.pick(others)._id,
    passedQuantity: 0,
    failedQuantity: 0,
    status: 'declined',
    statusHistory: [
      { from: null, to: 'offered', at: offeredAt, by: { role: 'system', label: 'planner commit' } },
      { from: 'offered', to: 'declined', at: declinedAt, by, note: 'Not enough hands this week' },
    ],
    createdAt: offeredAt,
    updatedAt: declinedAt,
  };
}
