import { type Types } from 'mongoose';

import { type Skill } from '../domain/skills';
import { Artisan } from '../models/artisan';
import { Workshop } from '../models/workshop';
import { cachedReadModel } from './read-model-cache';

export interface CapacityArtisanRecord {
  artisanId: string;
  workshopId: string;
  skills: Skill[];
  weeklyHours: number;
}

export interface NetworkRoster {
  /** Active artisans of active workshops: the people whose declared hours make the network's capacity. */
  artisans: CapacityArtisanRecord[];
  /** Every workshop, active or not (jobs may still be planned in one that closed). */
  workshopIds: string[];
}

async function listRoster(): Promise<NetworkRoster> {
  const [workshops, artisans] = await Promise.all([
    Workshop.find({}, { _id: 1, active: 1 }).lean<{ _id: Types.ObjectId; active: boolean }[]>(),
    Artisan.find({ status: 'active' }, { workshop: 1, skills: 1, weeklyHours: 1 }).lean(),
  ]);
  const activeWorkshops = new Set(
    workshops.filter((workshop) => workshop.active).map((workshop) => String(workshop._id)),
  );
  return {
    artisans: artisans
      .filter((artisan) => activeWorkshops.has(String(artisan.workshop)))
      .map((artisan) => ({
        artisanId: String(artisan._id),
        workshopId: String(artisan.workshop),
        skills: artisan.skills,
        weeklyHours: artisan.weeklyHours,
      })),
    workshopIds: workshops.map((workshop) => String(workshop._id)),
  };
}

/**
 * Kept between requests: artisans and workshops change far less often than jobs, and reading
 * every artisan is the costliest part of a capacity figure. `capacity:changed` drops it.
 */
export const readNetworkRoster = cachedReadModel<void, NetworkRoster>({
  name: 'network-roster',
  invalidatedBy: ['capacity:changed'],
  maxAgeMs: 5 * 60_000,
  keyOf: () => 'all',
  compute: listRoster,
});
