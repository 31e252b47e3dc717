import { type Types } from 'mongoose';

import { type CommittedFigures } from '../domain/committed-plan';
import { Job } from '../models/job';

type PlanMetrics = Record<string, number>;

/** The figures a commit stored on the plan (commitPlan writes them with the status), if any. */
export function storedCommittedFigures(metrics: PlanMetrics): CommittedFigures | null {
  const { committedJobs: jobs, committedUnits: units, committedWorkshops: workshops } = metrics;
  if (typeof jobs !== 'number' || typeof units !== 'number' || typeof workshops !== 'number') return null;
  return { jobs, units, workshops };
}

/**
 * What each committed plan committed: the figures its commit stored, or, for a plan committed
 * without them (imported or loaded history), counted from the jobs that name it. So a committed
 * plan never reads "0 jobs offered to 0 workshops" while its jobs exist.
 */
export async function readCommittedFigures(
  plans: readonly { _id: Types.ObjectId; metrics: PlanMetrics }[],
): Promise<Map<string, CommittedFigures>> {
  const figures = new Map<string, CommittedFigures>();
  const missing: Types.ObjectId[] = [];
  for (const plan of plans) {
    const stored = storedCommittedFigures(plan.metrics);
    if (stored) figures.set(String(plan._id), stored);
    else missing.push(plan._id);
  }
  if (missing.length === 0) return figures;
  const counted = await Job.aggregate<{ _id: Types.ObjectId; jobs: number; units: number; workshops: unknown[] }>([
    { $match: { plan: { $in: missing } } },
    {
      $group: { _id: '$plan', jobs: { $sum: 1 }, units: { $sum: '$quantity' }, workshops: { $addToSet: '$workshop' } },
    },
  ]);
  for (const plan of missing) {
    const row = counted.find((entry) => String(entry._id) === String(plan));
    figures.set(String(plan), { jobs: row?.jobs ?? 0, units: row?.units ?? 0, workshops: row?.workshops.length ?? 0 });
  }
  return figures;
}
