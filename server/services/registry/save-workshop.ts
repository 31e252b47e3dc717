import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { NAIROBI_AREAS } from '../../domain/nairobi-areas';
import { validateField, validateInput } from '../../domain/validate-input';
import { Workshop, type WorkshopDoc } from '../../models/workshop';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { refuseWhileWorkIsOpen, weeksChangedFrom } from './registry-change';
import { assertMayEditRegistry, WorkshopInput } from './registry-input';

type RegistryCall<Input> = Input & { actor: Actor; now: Date };

/** What the audit trail keeps of a workshop: what HQ edits and a later reader asks about. */
function auditedFields(workshop: Pick<WorkshopDoc, 'code' | 'name' | 'area' | 'skills' | 'phone' | 'active'>) {
  const { code, name, area, skills, phone, active } = workshop;
  return { code, name, area, skills, phone, active };
}

/** Two planners saving one code at once: the unique index refuses the second, in the same words. */
async function answeringDuplicateCode<Result>(code: unknown, work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw ValidationError.forField('code', `${String(code)} is already another workshop’s code`);
    throw error;
  }
}

/**
 * Onboards a workshop (planners and administrators). It has no artisans yet, so it adds no
 * capacity until they are added; it is announced all the same so the workshops list shows it.
 */
export async function createWorkshop({
  actor,
  now,
  ...input
}: RegistryCall<WorkshopInput>): Promise<{ workshopId: string }> {
  assertMayEditRegistry(actor);
  const fields = validateInput(WorkshopInput, input);
  return answeringDuplicateCode(fields.code, () =>
    runInTransaction(async (unit) => {
      const { session } = unit;
      if (await Workshop.exists({ code: fields.code }).session(session))
        throw ValidationError.forField('code', `${fields.code} is already another workshop’s code`);
      const [workshop] = await Workshop.create([{ ...fields, location: { ...NAIROBI_AREAS[fields.area] } }], {
        session,
      });
      await recordAuditEvent({
        session,
        actor,
        at: now,
        entity: { kind: 'workshop', id: workshop._id },
        action: 'workshop.created',
        before: null,
        after: auditedFields(workshop),
      });
      unit.publishAfterCommit('capacity:changed', {
        workshopIds: [String(workshop._id)],
        weeks: weeksChangedFrom(now),
      });
      return { workshopId: String(workshop._id) };
    }),
  );
}

/**
 * Changes a workshop. Taking it out of the network (inactive) is refused while it holds work not
 * made yet; its artisans' capacity leaves every dashboard once the change commits.
 */
export async function updateWorkshop({
  actor,
  now,
  workshopId,
  ...input
}: RegistryCall<WorkshopInput> & { workshopId: string }): Promise<{ workshopId: string }> {
  assertMayEditRegistry(actor);
  const id = new Types.ObjectId(validateField('workshopId', objectIdString, workshopId));
  const fields = validateInput(WorkshopInput, input);
  return answeringDuplicateCode(fields.code, () =>
    runInTransaction(async (unit) => {
      const { session } = unit;
      const before = await Workshop.findById(id, null, { session, lean: true });
      if (!before) throw new NotFoundError('workshop', workshopId);
      const sameCode = await Workshop.findOne({ code: fields.code }, { _id: 1 }, { session, lean: true });
      if (sameCode && !sameCode._id.equals(id))
        throw ValidationError.forField('code', `${fields.code} is already another workshop’s code`);
      if (before.active && !fields.active)
        await refuseWhileWorkIsOpen({ session, filter: { workshop: id }, who: `Workshop ${before.code}` });
      // A workshop moved to another area is placed at that area's centre; otherwise it stays put.
      const location = before.area === fields.area ? before.location : { ...NAIROBI_AREAS[fields.area] };
      await Workshop.updateOne({ _id: id }, { $set: { ...fields, location } }, { session, runValidators: true });
      await recordAuditEvent({
        session,
        actor,
        at: now,
        entity: { kind: 'workshop', id },
        action: 'workshop.updated',
        before: auditedFields(before),
        after: auditedFields(fields),
      });
      unit.publishAfterCommit('capacity:changed', { workshopIds: [workshopId], weeks: weeksChangedFrom(now) });
      return { workshopId };
    }),
  );
}
