import { type ClientSession, Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { ForbiddenError } from '../../domain/errors';
import { NAIROBI_AREA_NAMES, type NairobiArea } from '../../domain/nairobi-areas';
import { User } from '../../models/user';
import { Workshop } from '../../models/workshop';

/**
 * The neighbourhoods whose inspections an actor sees: a field officer those on their account;
 * managers and admins, who step in anywhere, every one.
 */
export async function readInspectionAreas({
  actor,
  session,
}: {
  actor: Actor;
  session?: ClientSession;
}): Promise<NairobiArea[]> {
  if (actor.role === 'manager' || actor.role === 'admin') return [...NAIROBI_AREA_NAMES];
  if (actor.role !== 'field_officer' || !actor.userId) throw new ForbiddenError(`a ${actor.role} does not inspect`);
  const user = await User.findById(new Types.ObjectId(actor.userId), { areas: 1 }, { session, lean: true });
  return user?.areas ?? [];
}

/** Refuses an officer a job in a workshop outside their neighbourhoods. */
export async function assertInspectorCoversWorkshop({
  actor,
  workshopId,
  session,
}: {
  actor: Actor;
  workshopId: Types.ObjectId;
  session?: ClientSession;
}): Promise<void> {
  const areas = await readInspectionAreas({ actor, session });
  const workshop = await Workshop.findById(workshopId, { area: 1 }, { session, lean: true });
  if (!workshop || !areas.includes(workshop.area)) {
    throw new ForbiddenError('this job is in a workshop outside your areas');
  }
}
