import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { Job, type JobDoc } from '../../models/job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type UnitOfWork } from '../run-in-transaction';
import { jobSnapshot } from './job-snapshot';
import { actorLeadsWorkshop } from './workshop-lead';

const ShareWorkshopJobInput = z.object({ jobId: objectIdString, artisanId: objectIdString });

/**
 * A workshop lead gives an accepted job, not begun yet, to another of the workshop's active
 * artisans. Only the lead may, only within their workshop, and only before work starts, so
 * nobody's reported units change hands. Runs in the caller's transaction.
 */
export async function shareWorkshopJobInUnit({
  unit,
  actor,
  ...input
}: z.input<typeof ShareWorkshopJobInput> & { unit: UnitOfWork; actor: Actor }): Promise<JobDoc> {
  const { jobId, artisanId } = validateInput(ShareWorkshopJobInput, input);
  const { session } = unit;
  if (!(await actorLeadsWorkshop({ actor, session })))
    throw new ForbiddenError("only the workshop's lead shares its jobs");
  const job = await Job.findById(jobId, null, { session, lean: true });
  if (!job) throw new NotFoundError('job', jobId);
  if (String(job.workshop) !== actor.workshopId) throw new ForbiddenError(`job ${jobId} belongs to another workshop`);
  if (job.status !== 'accepted') {
    throw new IllegalTransitionError({
      entity: 'job',
      id: jobId,
      from: job.status,
      to: 'accepted',
      reason: 'only a job accepted and not yet begun can be given to someone else',
    });
  }
  const artisan = await Artisan.findById(artisanId, { workshop: 1, status: 1 }, { session, lean: true });
  if (!artisan || String(artisan.workshop) !== actor.workshopId)
    throw ValidationError.forField('artisanId', 'is not an artisan of your workshop');
  if (artisan.status !== 'active') throw ValidationError.forField('artisanId', `is ${artisan.status}`);

  const updated = await Job.findOneAndUpdate(
    { _id: job._id, status: 'accepted' },
    { $set: { artisan: new Types.ObjectId(artisanId) } },
    { session, returnDocument: 'after', lean: true },
  );
  if (!updated) throw new IllegalTransitionError({ entity: 'job', id: jobId, from: 'changed', to: 'accepted' });
  await recordAuditEvent({
    session,
    actor,
    entity: { kind: 'job', id: job._id },
    action: 'job.shared',
    before: jobSnapshot(job),
    after: jobSnapshot(updated),
  });
  return updated;
}
