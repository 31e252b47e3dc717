import { type Actor } from '../../domain/actor';
import { IllegalTransitionError } from '../../domain/errors';
import { canTransition, type JobStatus } from '../../domain/job-status';
import { Job, type JobDoc } from '../../models/job';
import { actorStamp, recordAuditEvent } from '../audit/record-audit-event';
import { followOrderProgress } from '../orders/follow-order-progress';
import { type UnitOfWork } from '../run-in-transaction';
import { jobSnapshot } from './job-snapshot';

/**
 * The one place a job changes status. Checks the move against the state machine, writes it only
 * if nobody moved the job meanwhile, appends the history entry and the audit event, moves the
 * order on where the job's move does (in production, ready to ship), and queues `job:status` for
 * after the commit. Runs inside the caller's transaction.
 */
export async function applyJobTransition({
  unit,
  job,
  to,
  actor,
  note,
  set = {},
  at = new Date(),
}: {
  unit: UnitOfWork;
  job: JobDoc;
  to: JobStatus;
  actor: Actor;
  note?: string;
  /** Other fields that change with the status (the accepting artisan, passed quantities, …). */
  set?: Partial<Pick<JobDoc, 'artisan' | 'passedQuantity' | 'failedQuantity' | 'madeQuantity' | 'passedAt'>>;
  at?: Date;
}): Promise<JobDoc> {
  const id = String(job._id);
  if (!canTransition({ from: job.status, to })) {
    throw new IllegalTransitionError({ entity: 'job', id, from: job.status, to });
  }
  const change = { from: job.status, to, at, by: actorStamp(actor), ...(note ? { note } : {}) };
  const updated = await Job.findOneAndUpdate(
    { _id: job._id, status: job.status },
    { $set: { status: to, ...set }, $push: { statusHistory: change } },
    { session: unit.session, returnDocument: 'after', lean: true },
  );
  if (!updated) {
    const current = await Job.findById(job._id, { status: 1 }, { session: unit.session, lean: true });
    throw new IllegalTransitionError({
      entity: 'job',
      id,
      from: current?.status ?? 'deleted',
      to,
      reason: `it was ${job.status} a moment ago and has changed since`,
    });
  }

  await recordAuditEvent({
    session: unit.session,
    actor,
    entity: { kind: 'job', id: job._id },
    action: `job.${to}`,
    before: jobSnapshot(job),
    after: jobSnapshot(updated),
    at,
  });
  unit.publishAfterCommit('job:status', {
    jobId: id,
    orderId: String(updated.order),
    workshopId: String(updated.workshop),
    artisanId: updated.artisan ? String(updated.artisan) : null,
    from: job.status,
    to,
    week: updated.plannedWeek,
  });
  await followOrderProgress({ unit, job: updated, to, actor, at });
  return updated;
}
