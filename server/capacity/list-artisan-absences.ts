import { Types } from 'mongoose';

import { type Actor } from '../domain/actor';
import { Absence } from '../models/absence';
import { assertMayManageAbsence } from './absence-permissions';
import { nairobiToday } from './calendar-days';

export interface ArtisanAbsence {
  id: string;
  from: string;
  to: string;
  reason: string | null;
  /** Begun already: cancelling it gives back the days from today only. */
  underWay: boolean;
}

/** An artisan's days away not over yet, soonest first, for whoever may manage them. */
export async function listArtisanAbsences({
  actor,
  artisanId,
  now,
}: {
  actor: Actor;
  artisanId: string;
  now: Date;
}): Promise<ArtisanAbsence[]> {
  assertMayManageAbsence({ actor, artisanId });
  const today = nairobiToday(now);
  const absences = await Absence.find({ artisan: new Types.ObjectId(artisanId), to: { $gte: today } })
    .sort({ from: 1 })
    .lean();
  return absences.map((absence) => ({
    id: String(absence._id),
    from: absence.from,
    to: absence.to,
    reason: absence.reason ?? null,
    underWay: absence.from <= today,
  }));
}
