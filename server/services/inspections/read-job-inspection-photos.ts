import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateField } from '../../domain/validate-input';
import { Inspection } from '../../models/inspection';
import { InspectionPhoto } from '../../models/inspection-photo';
import { Job } from '../../models/job';
import { assertInspectorCoversWorkshop } from './officer-areas';

/** One inspection of a job that kept a photo. */
export interface JobInspectionPhoto {
  inspectionId: string;
  inspectedAt: string;
  passedQuantity: number;
  failedQuantity: number;
}

/** HQ sees every job's photos; a field officer those of the workshops in their areas. */
async function assertMaySeeJobPhotos({ actor, jobId }: { actor: Actor; jobId: string }): Promise<void> {
  const job = await Job.findById(new Types.ObjectId(jobId), { workshop: 1 }).lean();
  if (!job) throw new NotFoundError('job', jobId);
  if (actor.role === 'planner' || actor.role === 'manager' || actor.role === 'admin') return;
  // Refuses every other role, and an officer outside the workshop's area.
  await assertInspectorCoversWorkshop({ actor, workshopId: job.workshop });
}

/** The inspections of a job that kept a photo, newest first (the photos themselves stay unloaded). */
export async function listJobInspectionPhotos(input: { actor: Actor; jobId: unknown }): Promise<JobInspectionPhoto[]> {
  const jobId = validateField('jobId', objectIdString, input.jobId);
  await assertMaySeeJobPhotos({ actor: input.actor, jobId });
  const photos = await InspectionPhoto.find({ job: new Types.ObjectId(jobId) }, { inspection: 1 }).lean();
  const inspections = await Inspection.find(
    { _id: { $in: photos.map((photo) => photo.inspection) } },
    { inspectedAt: 1, passedQuantity: 1, failedQuantity: 1 },
  )
    .sort({ inspectedAt: -1 })
    .lean();
  return inspections.map((inspection) => ({
    inspectionId: String(inspection._id),
    inspectedAt: inspection.inspectedAt.toISOString(),
    passedQuantity: inspection.passedQuantity,
    failedQuantity: inspection.failedQuantity,
  }));
}

/** One inspection's photo of the job, as stored (a JPEG the phone shrank); refused to others. */
export async function readJobInspectionPhoto(input: {
  actor: Actor;
  jobId: unknown;
  inspectionId: unknown;
}): Promise<{ contentType: 'image/jpeg'; data: Buffer }> {
  const jobId = validateField('jobId', objectIdString, input.jobId);
  const inspectionId = validateField('inspectionId', objectIdString, input.inspectionId);
  await assertMaySeeJobPhotos({ actor: input.actor, jobId });
  // Asked through this job, a photo of another job's inspection is not there.
  const photo = await InspectionPhoto.findOne({
    job: new Types.ObjectId(jobId),
    inspection: new Types.ObjectId(inspectionId),
  }).lean();
  if (!photo) throw new NotFoundError('inspection photo', inspectionId);
  const data = Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength);
  return { contentType: photo.contentType, data };
}
