import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { IllegalTransitionError, NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Job, type JobDoc } from '../../models/job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type UnitOfWork } from '../run-in-transaction';
import { applyJobTransition } from './apply-job-transition';
import { assertActorMayMoveJob } from './job-permissions';
import { jobSnapshot } from './job-snapshot';
import { actorLeadsWorkshop } from './workshop-lead';

const ReportJobProgressInput = z.object({
  jobId: objectIdString,
  /** Units made so far of those awaiting inspection: a count, not an increment, so a resend changes nothing. */
  madeQuantity: z.number().int('must be a whole number of units').min(0, 'cannot be below 0'),
});

export type ReportJobProgressInput = z.input<typeof ReportJobProgressInput>;

/** Jobs whose making can be reported: taken, under way, or failed and being reworked. */
const REPORTABLE = ['accepted', 'in_progress', 'failed'] as const;

/** The job as the caller may touch it, with the units it still has to get through inspection. */
export async function jobInHand({
  unit,
  actor,
  jobId,
}: {
  unit: UnitOfWork;
  actor: Actor;
  jobId: string;
}): Promise<{ job: JobDoc; awaiting: number }> {
  const job = await Job.findById(jobId, null, { session: unit.session, lean: true });
  if (!job) throw new NotFoundError('job', jobId);
  const leadsWorkshop = await actorLeadsWorkshop({ actor, session: unit.session });
  assertActorMayMoveJob({ actor, job, to: 'in_progress', leadsWorkshop });
  return { job, awaiting: job.quantity - job.passedQuantity };
}

/**
 * An artisan says how many units they have made. A job taken but not begun, or failed and back
 * for rework, is under way from this moment (`job:status`); one already under way just keeps
 * the new count. Runs in the caller's transaction.
 */
export async function reportJobProgressInUnit({
  unit,
  actor,
  ...input
}: ReportJobProgressInput & { unit: UnitOfWork; actor: Actor }): Promise<JobDoc> {
  const { jobId, madeQuantity } = validateInput(ReportJobProgressInput, input);
  const { job, awaiting } = await jobInHand({ unit, actor, jobId });
  if (!(REPORTABLE as readonly string[]).includes(job.status)) {
    throw new IllegalTransitionError({
      entity: 'job',
      id: jobId,
      from: job.status,
      to: 'in_progress',
      reason: 'only work in hand can be reported',
    });
  }
  if (madeQuantity > awaiting) {
    throw ValidationError.forField('madeQuantity', `is more than the ${awaiting} units this job still needs`);
  }
  if (job.status !== 'in_progress') {
    return applyJobTransition({ unit, job, to: 'in_progress', actor, set: { madeQuantity } });
  }

  const updated = await Job.findOneAndUpdate(
    { _id: job._id, status: 'in_progress' },
    { $set: { madeQuantity } },
    { session: unit.session, returnDocument: 'after', lean: true },
  );
  if (!updated) {
    throw new IllegalTransitionError({
      entity: 'job',
      id: jobId,
      from: 'in_progress',
      to: 'in_progress',
      reason: 'it changed a moment ago',
    });
  }
  await recordAuditEvent({
    session: unit.session,
    actor,
    entity: { kind: 'job', id: job._id },
    action: 'job.progress',
    before: jobSnapshot(job),
    after: jobSnapshot(updated),
  });
  return updated;
}
