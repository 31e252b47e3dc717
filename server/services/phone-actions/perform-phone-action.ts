import { type Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import { Job } from '../../models/job';
import { type PhoneActionResult } from '../../models/phone-action';
import { assertInspectorCoversWorkshop } from '../inspections/officer-areas';
import { recordInspectionInUnit } from '../inspections/record-inspection';
import { saveInspectionPhotoInUnit } from '../inspections/save-inspection-photo';
import { markJobReadyInUnit } from '../jobs/mark-job-ready';
import { reportJobProgressInUnit } from '../jobs/report-job-progress';
import { shareWorkshopJobInUnit } from '../jobs/share-workshop-job';
import { transitionJobInUnit } from '../jobs/transition-job';
import { type UnitOfWork } from '../run-in-transaction';
import { type PhoneActionInput } from './phone-action-input';

/**
 * Does one phone action with the service that owns it, inside the caller's transaction. Each
 * service checks the job's current state and who may touch it; this only routes.
 */
export async function performPhoneAction({
  unit,
  actor,
  action,
  photo,
}: {
  unit: UnitOfWork;
  actor: Actor;
  action: PhoneActionInput;
  photo?: Buffer;
}): Promise<PhoneActionResult> {
  const jobResult = (job: { _id: unknown; status: string }) => ({ jobId: String(job._id), status: job.status });
  switch (action.kind) {
    case 'accept':
      return jobResult(
        await transitionJobInUnit({ unit, actor, jobId: action.jobId, to: 'accepted', artisanId: action.artisanId }),
      );
    case 'decline':
      return jobResult(
        await transitionJobInUnit({ unit, actor, jobId: action.jobId, to: 'declined', note: action.reason }),
      );
    case 'progress':
      return jobResult(await reportJobProgressInUnit({ unit, actor, ...action }));
    case 'ready':
      return jobResult(await markJobReadyInUnit({ unit, actor, jobId: action.jobId }));
    case 'share':
      return jobResult(await shareWorkshopJobInUnit({ unit, actor, ...action }));
    case 'inspection': {
      const job = await Job.findById(action.jobId, { workshop: 1 }, { session: unit.session, lean: true });
      if (!job) throw new NotFoundError('job', action.jobId);
      await assertInspectorCoversWorkshop({ actor, workshopId: job.workshop, session: unit.session });
      const { kind: _kind, ...inspection } = action;
      const recorded = await recordInspectionInUnit({ unit, actor, ...inspection });
      if (photo) await saveInspectionPhotoInUnit({ unit, inspectionId: recorded._id, jobId: job._id, data: photo });
      const after = await Job.findById(action.jobId, { status: 1 }, { session: unit.session, lean: true });
      return { jobId: action.jobId, status: after?.status ?? 'unknown', inspectionId: String(recorded._id) };
    }
  }
}
