import { type ClientSession, Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { Workshop } from '../../models/workshop';

/**
 * Whether the acting artisan leads their workshop, read from the workshop as it is now (the lead
 * can change, so the session never caches it). A lead shares the workshop's jobs among its artisans.
 */
export async function actorLeadsWorkshop({
  actor,
  session,
}: {
  actor: Actor;
  session?: ClientSession;
}): Promise<boolean> {
  if (actor.role !== 'artisan' || !actor.artisanId || !actor.workshopId) return false;
  const workshop = await Workshop.findOne(
    { _id: new Types.ObjectId(actor.workshopId), leadArtisan: new Types.ObjectId(actor.artisanId) },
    { _id: 1 },
    { session, lean: true },
  );
  return workshop !== null;
}
