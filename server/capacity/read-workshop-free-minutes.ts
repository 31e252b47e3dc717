import { Types } from 'mongoose';

import { poolWorkshopWeeks } from '../domain/capacity-arithmetic';
import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { readCapacity } from './read-capacity';
import { type WorkingWeek } from './working-weeks';

export interface WorkshopFreeMinutes {
  workshopId: Types.ObjectId;
  code: string;
  name: string;
  area: string;
  /** Skills the workshop offers that at least one of its active artisans has. */
  skills: Skill[];
  artisans: number;
  /** One entry per week asked for, as of now (0 for a week with no working time left). */
  availableMinutes: number[];
  committedMinutes: number[];
  /** Never below zero, even when a workshop is over-committed. */
  freeMinutes: number[];
}

/**
 * Free minutes per week of each active workshop that can take work, as one pool shared by its
 * skills (see poolWorkshopWeeks): what the optimizer may still fill. Read fresh from the
 * database unless told otherwise, since plans are decided on it.
 */
export async function readWorkshopFreeMinutes({
  now,
  weeks,
  fresh = true,
}: {
  now: Date;
  weeks: readonly WeekLabel[];
  fresh?: boolean;
}): Promise<{ weeks: WorkingWeek[]; workshops: WorkshopFreeMinutes[] }> {
  const capacity = await readCapacity({ now, weeks: [...weeks], fresh });
  const pools = new Map(poolWorkshopWeeks(capacity.cells).map((pool) => [`${pool.workshopId}|${pool.week}`, pool]));
  const artisansByWorkshop = new Map<string, typeof capacity.roster.artisans>();
  for (const artisan of capacity.roster.artisans) {
    const members = artisansByWorkshop.get(artisan.workshopId) ?? [];
    members.push(artisan);
    artisansByWorkshop.set(artisan.workshopId, members);
  }

  const workshops = capacity.roster.workshops.flatMap((workshop) => {
    const members = artisansByWorkshop.get(workshop.id) ?? [];
    const artisanSkills = new Set(members.flatMap((artisan) => artisan.skills));
    const skills = workshop.skills.filter((skill) => artisanSkills.has(skill));
    if (!workshop.active || members.length === 0 || skills.length === 0) return [];
    const pool = weeks.map((week) => pools.get(`${workshop.id}|${week}`));
    return [
      {
        workshopId: new Types.ObjectId(workshop.id),
        code: workshop.code,
        name: workshop.name,
        area: workshop.area,
        skills,
        artisans: members.length,
        availableMinutes: pool.map((entry) => entry?.capacityMinutes ?? 0),
        committedMinutes: pool.map((entry) => entry?.committedMinutes ?? 0),
        freeMinutes: pool.map((entry) => entry?.freeMinutes ?? 0),
      },
    ];
  });
  return { weeks: capacity.weeks, workshops };
}
