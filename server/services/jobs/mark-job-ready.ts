import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { IllegalTransitionError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { type JobDoc } from '../../models/job';
import { type UnitOfWork } from '../run-in-transaction';
import { applyJobTransition } from './apply-job-transition';
import { jobInHand } from './report-job-progress';

const MarkJobReadyInput = z.object({ jobId: objectIdString });

/**
 * The artisan has made every unit awaiting inspection: the job is ready for a field officer. A
 * job taken but never reported, or failed and reworked, passes through "in progress" on the way,
 * so its history reads as the work happened. Runs in the caller's transaction.
 */
export async function markJobReadyInUnit({
  unit,
  actor,
  ...input
}: z.input<typeof MarkJobReadyInput> & { unit: UnitOfWork; actor: Actor }): Promise<JobDoc> {
  const { jobId } = validateInput(MarkJobReadyInput, input);
  const { job, awaiting } = await jobInHand({ unit, actor, jobId });
  let current = job;
  if (job.status === 'accepted' || job.status === 'failed') {
    current = await applyJobTransition({ unit, job, to: 'in_progress', actor, set: { madeQuantity: awaiting } });
  }
  if (current.status !== 'in_progress') {
    throw new IllegalTransitionError({ entity: 'job', id: jobId, from: current.status, to: 'ready_for_qc' });
  }
  return applyJobTransition({ unit, job: current, to: 'ready_for_qc', actor, set: { madeQuantity: awaiting } });
}
