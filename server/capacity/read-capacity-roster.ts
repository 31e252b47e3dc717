import { cachedReadModel } from '../dashboard/read-model-cache';
import { type NairobiArea } from '../domain/nairobi-areas';
import { type Skill } from '../domain/skills';
import { Artisan } from '../models/artisan';
import { Workshop } from '../models/workshop';

export interface CapacityArtisanRecord {
  artisanId: string;
  workshopId: string;
  skills: Skill[];
  weeklyHours: number;
}

export interface CapacityWorkshopRecord {
  id: string;
  code: string;
  name: string;
  area: NairobiArea;
  skills: Skill[];
  active: boolean;
}

export interface CapacityRoster {
  /** Active artisans of active workshops: the people whose declared hours make the network's capacity. */
  artisans: CapacityArtisanRecord[];
  /** Every workshop, active or not (jobs may still be planned in one that closed), by code. */
  workshops: CapacityWorkshopRecord[];
}

function toWorkshopRecord(workshop: {
  _id: unknown;
  code: string;
  name: string;
  area: NairobiArea;
  skills: Skill[];
  active: boolean;
}): CapacityWorkshopRecord {
  return {
    id: String(workshop._id),
    code: workshop.code,
    name: workshop.name,
    area: workshop.area,
    skills: workshop.skills,
    active: workshop.active,
  };
}

async function listWorkshops(): Promise<CapacityWorkshopRecord[]> {
  const workshops = await Workshop.find({}, { code: 1, name: 1, area: 1, skills: 1, active: 1 })
    .sort({ code: 1 })
    .lean();
  return workshops.map(toWorkshopRecord);
}

async function listRoster({ fresh }: { fresh: boolean }): Promise<CapacityRoster> {
  const [workshops, artisans] = await Promise.all([
    readCapacityWorkshops({ fresh }),
    Artisan.find({ status: 'active' }, { workshop: 1, skills: 1, weeklyHours: 1 }).lean(),
  ]);
  const activeWorkshops = new Set(workshops.filter((workshop) => workshop.active).map((workshop) => workshop.id));
  return {
    artisans: artisans
      .filter((artisan) => activeWorkshops.has(String(artisan.workshop)))
      .map((artisan) => ({
        artisanId: String(artisan._id),
        workshopId: String(artisan.workshop),
        skills: artisan.skills,
        weeklyHours: artisan.weeklyHours,
      })),
    workshops,
  };
}

/**
 * The workshops alone, kept apart from the roster: reading them is quick, so capacity can start
 * reading what is committed in them while the (slower) artisans are still being read.
 */
const readKeptWorkshops = cachedReadModel<void, CapacityWorkshopRecord[]>({
  name: 'capacity-workshops',
  invalidatedBy: ['capacity:changed'],
  maxAgeMs: 5 * 60_000,
  keyOf: () => 'all',
  compute: listWorkshops,
});

/** Every workshop, active or not, by code; `fresh` reads past the kept copy. */
export function readCapacityWorkshops({ fresh = false }: { fresh?: boolean } = {}): Promise<CapacityWorkshopRecord[]> {
  return fresh ? listWorkshops() : readKeptWorkshops();
}

/**
 * Kept between requests: artisans and workshops change far less often than jobs, and reading
 * every artisan is the costliest part of a capacity figure. `capacity:changed` drops it.
 */
const readKeptRoster = cachedReadModel<void, CapacityRoster>({
  name: 'capacity-roster',
  invalidatedBy: ['capacity:changed'],
  maxAgeMs: 5 * 60_000,
  keyOf: () => 'all',
  compute: () => listRoster({ fresh: false }),
});

/** The network's workshops and the artisans who give it capacity; `fresh` reads past the kept copy. */
export function readCapacityRoster({ fresh = false }: { fresh?: boolean } = {}): Promise<CapacityRoster> {
  return fresh ? listRoster({ fresh: true }) : readKeptRoster();
}
