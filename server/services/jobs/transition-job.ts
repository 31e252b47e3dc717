import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { IllegalTransitionError, NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { JOB_STATUSES } from '../../domain/job-status';
import { validateInput } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { Job, type JobDoc } from '../../models/job';
import { runInTransaction, type UnitOfWork } from '../run-in-transaction';
import { applyJobTransition } from './apply-job-transition';
import { assertActorMayMoveJob, assertMoveOpenToCaller } from './job-permissions';
import { actorLeadsWorkshop } from './workshop-lead';

const TransitionJobInput = z.object({
  jobId: objectIdString,
  to: z.enum(JOB_STATUSES),
  note: z.string().trim().max(500).optional(),
  /**
   * Who takes the job when staff accept it on an artisan's behalf, or a workshop lead gives it to
   * one of the workshop's artisans; any other artisan takes it themself.
   */
  artisanId: objectIdString.optional(),
});

export type TransitionJobInput = z.input<typeof TransitionJobInput>;

/**
 * Moves a job along its life: accept, decline, start, mark ready for QC, rework, close, cancel.
 * An illegal move is refused with an IllegalTransitionError saying from where to where.
 */
export async function transitionJob({ actor, ...input }: TransitionJobInput & { actor: Actor }): Promise<JobDoc> {
  return runInTransaction((unit) => transitionJobInUnit({ unit, actor, ...input }));
}

/** As transitionJob, inside the caller's transaction (a phone action records its id in the same one). */
export async function transitionJobInUnit({
  unit,
  actor,
  ...input
}: TransitionJobInput & { actor: Actor; unit: UnitOfWork }): Promise<JobDoc> {
  const { jobId, to, note, artisanId } = validateInput(TransitionJobInput, input);
  const job = await Job.findById(jobId, null, { session: unit.session, lean: true });
  if (!job) throw new NotFoundError('job', jobId);
  assertMoveOpenToCaller({ job, to });
  const leadsWorkshop = await actorLeadsWorkshop({ actor, session: unit.session });
  assertActorMayMoveJob({ actor, job, to, leadsWorkshop });
  if (to === 'passed' && job.status === 'failed' && job.passedQuantity === 0) {
    throw new IllegalTransitionError({
      entity: 'job',
      id: jobId,
      from: job.status,
      to,
      reason: 'no unit has passed yet, so it can only be reworked',
    });
  }

  const set: { artisan?: Types.ObjectId; passedAt?: Date } = {};
  if (to === 'accepted') set.artisan = await resolveTakingArtisan({ actor, job, artisanId, leadsWorkshop, unit });
  if (to === 'passed') set.passedAt = new Date();
  return applyJobTransition({ unit, job, to, actor, note, set });
}

async function resolveTakingArtisan({
  actor,
  job,
  artisanId,
  leadsWorkshop,
  unit,
}: {
  actor: Actor;
  job: JobDoc;
  artisanId: string | undefined;
  leadsWorkshop: boolean;
  unit: UnitOfWork;
}): Promise<Types.ObjectId | undefined> {
  const chosen = actor.role === 'artisan' && !(leadsWorkshop && artisanId) ? actor.artisanId : artisanId;
  if (!chosen) return job.artisan;
  const artisan = await Artisan.findById(chosen, { workshop: 1, status: 1 }, { session: unit.session, lean: true });
  if (!artisan || String(artisan.workshop) !== String(job.workshop)) {
    throw ValidationError.forField('artisanId', `artisan ${chosen} does not work in the job's workshop`);
  }
  if (artisan.status !== 'active')
    throw ValidationError.forField('artisanId', `artisan ${chosen} is ${artisan.status}`);
  return new Types.ObjectId(chosen);
}
