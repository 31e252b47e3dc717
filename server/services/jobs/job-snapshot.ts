import { type JobDoc } from '../../models/job';

/** What the audit trail keeps of a job before and after a change (not its whole history). */
export function jobSnapshot(job: JobDoc): Record<string, unknown> {
  return {
    status: job.status,
    workshop: job.workshop,
    artisan: job.artisan ?? null,
    quantity: job.quantity,
    passedQuantity: job.passedQuantity,
    failedQuantity: job.failedQuantity,
    madeQuantity: job.madeQuantity ?? 0,
    plannedWeek: job.plannedWeek,
  };
}
