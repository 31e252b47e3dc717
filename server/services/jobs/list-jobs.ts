import { type QueryFilter, Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { objectIdString, weekLabelString } from '../../domain/input-schemas';
import { JOB_STATUSES } from '../../domain/job-status';
import { validateField, validateInput } from '../../domain/validate-input';
import { Job, type JobDoc } from '../../models/job';

const ListJobsInput = z.object({
  statuses: z.array(z.enum(JOB_STATUSES)).optional(),
  week: weekLabelString.optional(),
  workshopId: objectIdString.optional(),
  limit: z.number().int().min(1).max(5_000).default(500),
});

export type ListJobsInput = z.input<typeof ListJobsInput>;

/**
 * The jobs an actor may see. An artisan sees the jobs they took and the open offers to their
 * workshop, nothing of other artisans or workshops; HQ roles see the whole network.
 */
function visibleJobsFilter(actor: Actor): QueryFilter<JobDoc> {
  if (actor.role !== 'artisan') return {};
  if (!actor.artisanId || !actor.workshopId)
    throw new ForbiddenError('this artisan account is not linked to an artisan');
  return {
    $or: [
      { artisan: new Types.ObjectId(actor.artisanId) },
      { workshop: new Types.ObjectId(actor.workshopId), status: 'offered', artisan: { $exists: false } },
    ],
  };
}

export async function listJobs({ actor, ...input }: ListJobsInput & { actor: Actor }): Promise<JobDoc[]> {
  const { statuses, week, workshopId, limit } = validateInput(ListJobsInput, input);
  const filter: QueryFilter<JobDoc> = { ...visibleJobsFilter(actor) };
  if (statuses) filter.status = { $in: statuses };
  if (week) filter.plannedWeek = week;
  if (workshopId) filter.workshop = new Types.ObjectId(workshopId);
  return Job.find(filter).sort({ dueDate: 1, _id: 1 }).limit(limit).lean();
}

/** One job, if the actor may see it; another artisan's job is "not found", not "forbidden". */
export async function getJob({ actor, jobId }: { actor: Actor; jobId: string }): Promise<JobDoc> {
  const id = validateField('jobId', objectIdString, jobId);
  const job = await Job.findOne({ $and: [{ _id: new Types.ObjectId(id) }, visibleJobsFilter(actor)] }).lean();
  if (!job) throw new NotFoundError('job', id);
  return job;
}
