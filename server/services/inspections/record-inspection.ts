import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { DEFECT_REASONS, Inspection, type InspectionDoc } from '../../models/inspection';
import { Job } from '../../models/job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { applyJobTransition } from '../jobs/apply-job-transition';
import { queueInspectionMessage } from '../messages/queue-artisan-messages';
import { runInTransaction, type UnitOfWork } from '../run-in-transaction';

const RecordInspectionInput = z
  .object({
    jobId: objectIdString,
    passedQuantity: z.number().int().min(0),
    failedQuantity: z.number().int().min(0),
    defects: z.array(z.object({ reason: z.enum(DEFECT_REASONS), quantity: z.number().int().min(1) })).default([]),
    notes: z.string().trim().max(1_000).optional(),
  })
  .superRefine((input, context) => {
    const defective = input.defects.reduce((sum, defect) => sum + defect.quantity, 0);
    if (defective !== input.failedQuantity) {
      context.addIssue({
        code: 'custom',
        path: ['defects'],
        message: `defect quantities add up to ${defective} but ${input.failedQuantity} units failed`,
      });
    }
  });

export type RecordInspectionInput = z.input<typeof RecordInspectionInput>;

const INSPECTING_ROLES = ['field_officer', 'manager', 'admin'];

/**
 * A field officer's QC of a job that is ready: every unit awaiting inspection is either passed
 * or failed with its defect reasons. No failures: the job passes. Failures: the job goes back
 * for rework of the failed units (or is later closed with what passed).
 */
export async function recordInspection({
  actor,
  ...input
}: RecordInspectionInput & { actor: Actor }): Promise<InspectionDoc> {
  return runInTransaction((unit) => recordInspectionInUnit({ unit, actor, ...input }));
}

/** As recordInspection, inside the caller's transaction (a phone action records its id in the same one). */
export async function recordInspectionInUnit({
  unit,
  actor,
  ...input
}: RecordInspectionInput & { actor: Actor; unit: UnitOfWork }): Promise<InspectionDoc> {
  const { jobId, passedQuantity, failedQuantity, defects, notes } = validateInput(RecordInspectionInput, input);
  if (!INSPECTING_ROLES.includes(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot record inspections`);
  const officerId = actor.userId;
  if (!officerId) throw new ForbiddenError('an inspection is recorded by a signed-in officer');

  const { session } = unit;
  const job = await Job.findById(jobId, null, { session, lean: true });
  if (!job) throw new NotFoundError('job', jobId);
  const to = failedQuantity === 0 ? 'passed' : 'failed';
  if (job.status !== 'ready_for_qc')
    throw new IllegalTransitionError({ entity: 'job', id: jobId, from: job.status, to });
  const awaiting = job.quantity - job.passedQuantity;
  if (passedQuantity + failedQuantity !== awaiting) {
    throw ValidationError.forField(
      'passedQuantity',
      `passed (${passedQuantity}) and failed (${failedQuantity}) must add up to the ${awaiting} units awaiting inspection`,
    );
  }

  const inspectedAt = new Date();
  const [inspection] = await Inspection.create(
    [
      {
        job: job._id,
        workshop: job.workshop,
        artisan: job.artisan,
        officer: new Types.ObjectId(officerId),
        passedQuantity,
        failedQuantity,
        defects,
        notes,
        inspectedAt,
      },
    ],
    { session },
  );
  const totalPassed = job.passedQuantity + passedQuantity;
  await applyJobTransition({
    unit,
    job,
    to,
    actor,
    at: inspectedAt,
    set: {
      passedQuantity: totalPassed,
      failedQuantity: job.failedQuantity + failedQuantity,
      // What was made has been inspected: failed units are counted again as they are reworked.
      madeQuantity: 0,
      ...(to === 'passed' ? { passedAt: inspectedAt } : {}),
    },
  });
  await recordAuditEvent({
    session,
    actor,
    entity: { kind: 'inspection', id: inspection._id },
    action: 'inspection.recorded',
    after: { job: job._id, passedQuantity, failedQuantity, defects },
    at: inspectedAt,
  });
  await queueInspectionMessage({
    unit,
    inspectionId: inspection._id,
    job,
    passed: passedQuantity,
    failed: failedQuantity,
    at: inspectedAt,
  });
  unit.publishAfterCommit('inspection:recorded', {
    inspectionId: String(inspection._id),
    jobId,
    workshopId: String(job.workshop),
    artisanId: job.artisan ? String(job.artisan) : null,
    passedQuantity,
    failedQuantity,
  });
  return inspection.toObject();
}
