import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Artisan } from '../../models/artisan';
import { Workshop } from '../../models/workshop';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';
import { refuseSkillsOutsideWorkshop, refuseWhileWorkIsOpen, weeksChangedFrom } from './registry-change';
import { assertMayEditRegistry } from './registry-input';

const MoveArtisanInput = z.object({
  artisanId: objectIdString,
  workshopId: objectIdString.describe('the workshop they move to'),
});

/**
 * Moves an artisan to another workshop (a family moves house, a group splits). Their hours leave
 * one workshop's capacity and join the other's with the same commit. Refused while they hold work
 * not made yet, since that work was given to the workshop they leave, and when the new workshop
 * lacks one of their skills (capacity would not count it there). A workshop whose lead moves away
 * is left without a lead rather than led from elsewhere.
 */
export async function moveArtisan({
  actor,
  now,
  ...input
}: z.input<typeof MoveArtisanInput> & { actor: Actor; now: Date }): Promise<{ artisanId: string; workshopId: string }> {
  assertMayEditRegistry(actor);
  const { artisanId, workshopId } = validateInput(MoveArtisanInput, input);
  const id = new Types.ObjectId(artisanId);
  const to = new Types.ObjectId(workshopId);
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const artisan = await Artisan.findById(id, { name: 1, workshop: 1, skills: 1, status: 1 }, { session, lean: true });
    if (!artisan) throw new NotFoundError('artisan', artisanId);
    if (artisan.workshop.equals(to))
      throw ValidationError.forField('workshopId', `is already ${artisan.name}’s workshop`);
    const target = await Workshop.findById(to, { code: 1, skills: 1, active: 1 }, { session, lean: true });
    if (!target) throw ValidationError.forField('workshopId', 'is not a workshop of the network');
    if (!target.active) throw ValidationError.forField('workshopId', `${target.code} is no longer active`);
    refuseSkillsOutsideWorkshop({ skills: artisan.skills, workshop: target, field: 'workshopId' });
    await refuseWhileWorkIsOpen({ session, filter: { artisan: id }, who: artisan.name });
    await Artisan.updateOne({ _id: id }, { $set: { workshop: to } }, { session });
    const { modifiedCount: leadLeft } = await Workshop.updateOne(
      { _id: artisan.workshop, leadArtisan: id },
      { $unset: { leadArtisan: 1 } },
      { session },
    );
    await recordAuditEvent({
      session,
      actor,
      at: now,
      entity: { kind: 'artisan', id },
      action: 'artisan.moved',
      before: { workshop: artisan.workshop },
      after: { workshop: to, leftWorkshopWithoutLead: leadLeft > 0 },
    });
    unit.publishAfterCommit('capacity:changed', {
      workshopIds: [String(artisan.workshop), workshopId],
      weeks: weeksChangedFrom(now),
    });
    return { artisanId, workshopId };
  });
}
