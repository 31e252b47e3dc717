import { type ClientSession, Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Artisan, type ArtisanDoc } from '../../models/artisan';
import { Workshop } from '../../models/workshop';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { closeLeaversAccount } from './close-leavers-account';
import { refuseSkillsOutsideWorkshop, refuseWhileWorkIsOpen, weeksChangedFrom } from './registry-change';
import { ArtisanInput, assertMayEditRegistry } from './registry-input';

type RegistryCall<Input> = Input & { actor: Actor; now: Date };

const ids = z.object({ workshopId: objectIdString.optional(), artisanId: objectIdString.optional() });

function auditedFields(
  artisan: Pick<ArtisanDoc, 'name' | 'gender' | 'skills' | 'weeklyHours' | 'phone' | 'status'> & { language?: string },
) {
  const { name, gender, skills, weeklyHours, phone, status, language } = artisan;
  return { name, gender, skills, weeklyHours, phone, status, language: language ?? 'en' };
}

/**
 * M-Pesa pays the phone number, so one number is one artisan: a number already on record answers
 * whose it is (the unique index catches two saves racing, in `answeringDuplicatePhone`).
 */
async function refuseTakenPhone({
  session,
  phone,
  artisanId,
}: {
  session: ClientSession;
  phone: string;
  artisanId: Types.ObjectId | null;
}): Promise<void> {
  const holder = await Artisan.findOne({ phone }, { name: 1, workshop: 1 }, { session, lean: true });
  if (!holder || (artisanId && holder._id.equals(artisanId))) return;
  const workshop = await Workshop.findById(holder.workshop, { code: 1 }, { session, lean: true });
  throw ValidationError.forField(
    'phone',
    `${phone} is already ${holder.name}’s number (${workshop?.code ?? 'another workshop'})`,
  );
}

async function answeringDuplicatePhone<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw ValidationError.forField('phone', 'is already another artisan’s number');
    throw error;
  }
}

/** Adds an artisan to a workshop; their weekly hours join its capacity once the change commits. */
export async function createArtisan({
  actor,
  now,
  workshopId,
  ...input
}: RegistryCall<ArtisanInput> & { workshopId: string }): Promise<{ artisanId: string }> {
  assertMayEditRegistry(actor);
  validateInput(ids, { workshopId });
  const fields = validateInput(ArtisanInput, input);
  return answeringDuplicatePhone(() =>
    runInTransaction(async (unit) => {
      const { session } = unit;
      const workshop = await Workshop.findById(workshopId, { code: 1, skills: 1 }, { session, lean: true });
      if (!workshop) throw new NotFoundError('workshop', workshopId);
      refuseSkillsOutsideWorkshop({ skills: fields.skills, workshop, field: 'skills' });
      await refuseTakenPhone({ session, phone: fields.phone, artisanId: null });
      const [artisan] = await Artisan.create([{ ...fields, workshop: workshop._id, joinedAt: now }], { session });
      await recordAuditEvent({
        session,
        actor,
        at: now,
        entity: { kind: 'artisan', id: artisan._id },
        action: 'artisan.created',
        before: null,
        after: { workshop: workshop._id, ...auditedFields(artisan) },
      });
      unit.publishAfterCommit('capacity:changed', { workshopIds: [workshopId], weeks: weeksChangedFrom(now) });
      return { artisanId: String(artisan._id) };
    }),
  );
}

/**
 * Changes an artisan. Hours, skills and status move their workshop's capacity through the
 * capacity module once committed; pausing them or recording that they left is refused while
 * they hold work not made yet, and recording that they left closes their account.
 */
export async function updateArtisan({
  actor,
  now,
  artisanId,
  ...input
}: RegistryCall<ArtisanInput> & { artisanId: string }): Promise<{ artisanId: string; workshopId: string }> {
  assertMayEditRegistry(actor);
  validateInput(ids, { artisanId });
  const fields = validateInput(ArtisanInput, input);
  const id = new Types.ObjectId(artisanId);
  return answeringDuplicatePhone(() =>
    runInTransaction(async (unit) => {
      const { session } = unit;
      const before = await Artisan.findById(id, null, { session, lean: true });
      if (!before) throw new NotFoundError('artisan', artisanId);
      const workshop = await Workshop.findById(before.workshop, { code: 1, skills: 1 }, { session, lean: true });
      if (!workshop) throw new NotFoundError('workshop', String(before.workshop));
      refuseSkillsOutsideWorkshop({ skills: fields.skills, workshop, field: 'skills' });
      await refuseTakenPhone({ session, phone: fields.phone, artisanId: id });
      if (before.status === 'active' && fields.status !== 'active')
        await refuseWhileWorkIsOpen({ session, filter: { artisan: id }, who: before.name });
      await Artisan.updateOne({ _id: id }, { $set: fields }, { session, runValidators: true });
      await recordAuditEvent({
        session,
        actor,
        at: now,
        entity: { kind: 'artisan', id },
        action: 'artisan.updated',
        before: auditedFields(before),
        after: auditedFields(fields),
      });
      if (before.status !== 'left' && fields.status === 'left')
        await closeLeaversAccount({ unit, actor, now, artisanId: id });
      const workshopId = String(before.workshop);
      unit.publishAfterCommit('capacity:changed', { workshopIds: [workshopId], weeks: weeksChangedFrom(now) });
      return { artisanId, workshopId };
    }),
  );
}
