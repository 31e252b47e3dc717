import { type Actor } from '../../domain/actor';
import { ForbiddenError, IllegalTransitionError } from '../../domain/errors';
import { canTransition, type JobStatus } from '../../domain/job-status';
import { type JobDoc } from '../../models/job';

/**
 * Refuses a move the state machine forbids, and the allowed moves only an inspection makes
 * (recordInspection) or only a payment makes (recordPayment).
 */
export function assertMoveOpenToCaller({ job, to }: { job: JobDoc; to: JobStatus }): void {
  const id = String(job._id);
  if (!canTransition({ from: job.status, to }))
    throw new IllegalTransitionError({ entity: 'job', id, from: job.status, to });
  if (job.status === 'ready_for_qc' && (to === 'passed' || to === 'failed')) {
    throw new IllegalTransitionError({
      entity: 'job',
      id,
      from: job.status,
      to,
      reason: 'only a QC inspection decides that',
    });
  }
  if (to === 'paid') {
    throw new IllegalTransitionError({
      entity: 'job',
      id,
      from: job.status,
      to,
      reason: 'only a recorded payment does that',
    });
  }
}

const ARTISAN_MOVES: readonly JobStatus[] = ['accepted', 'declined', 'in_progress', 'ready_for_qc'];
const STAFF_ROLES = ['planner', 'manager', 'admin', 'system'];

/**
 * Who may move a job: artisans their own workshop's jobs (and, once taken, only the artisan who
 * took it, or the workshop's lead, who shares its work out); field officers the follow-up of a
 * failed inspection; planners, managers and admins anything not reserved for QC or payment.
 */
export function assertActorMayMoveJob({
  actor,
  job,
  to,
  leadsWorkshop = false,
}: {
  actor: Actor;
  job: JobDoc;
  to: JobStatus;
  /** The acting artisan leads their workshop (see actorLeadsWorkshop). */
  leadsWorkshop?: boolean;
}): void {
  if (STAFF_ROLES.includes(actor.role)) return;
  if (actor.role === 'field_officer' && job.status === 'failed') return;
  if (actor.role === 'artisan') {
    if (!ARTISAN_MOVES.includes(to)) throw new ForbiddenError(`an artisan cannot move a job to ${to}`);
    if (!actor.workshopId || String(job.workshop) !== actor.workshopId) {
      throw new ForbiddenError(`job ${String(job._id)} belongs to another workshop`);
    }
    if (job.artisan && String(job.artisan) !== actor.artisanId && !leadsWorkshop) {
      throw new ForbiddenError(`job ${String(job._id)} was taken by another artisan`);
    }
    return;
  }
  throw new ForbiddenError(`a ${actor.role.replace('_', ' ')} cannot move jobs`);
}
