import { z } from 'zod';

import { type ArtisanStatus } from '../../domain/artisan-status';
import { NotFoundError } from '../../domain/errors';
import { type Gender } from '../../domain/genders';
import { objectIdString } from '../../domain/input-schemas';
import { DEFAULT_LANGUAGE, type Language } from '../../domain/languages';
import { type NairobiArea } from '../../domain/nairobi-areas';
import { type Skill } from '../../domain/skills';
import { validateInput } from '../../domain/validate-input';
import { nairobiDateString } from '../../domain/weeks';
import { Artisan } from '../../models/artisan';
import { Workshop } from '../../models/workshop';

/** A workshop as its edit form shows it. */
export interface WorkshopRecord {
  id: string;
  code: string;
  name: string;
  area: NairobiArea;
  phone: string;
  skills: Skill[];
  active: boolean;
}

/** An artisan as their page and edit form show them, with the workshop they belong to. */
export interface ArtisanRecord {
  id: string;
  name: string;
  gender: Gender;
  phone: string;
  skills: Skill[];
  weeklyHours: number;
  language: Language;
  status: ArtisanStatus;
  /** The Nairobi day they joined, "YYYY-MM-DD". */
  joinedOn: string;
  workshop: WorkshopRecord;
}

const WorkshopId = z.object({ workshopId: objectIdString });
const ArtisanId = z.object({ artisanId: objectIdString });

export async function readWorkshopRecord(input: { workshopId: string }): Promise<WorkshopRecord> {
  const { workshopId } = validateInput(WorkshopId, input);
  const workshop = await Workshop.findById(workshopId).lean();
  if (!workshop) throw new NotFoundError('workshop', workshopId);
  return {
    id: workshopId,
    code: workshop.code,
    name: workshop.name,
    area: workshop.area,
    phone: workshop.phone,
    skills: workshop.skills,
    active: workshop.active,
  };
}

/** One artisan; `workshopId` (from the page's URL) must be theirs, or the page does not exist. */
export async function readArtisanRecord(input: { workshopId: string; artisanId: string }): Promise<ArtisanRecord> {
  const { artisanId } = validateInput(ArtisanId, { artisanId: input.artisanId });
  const artisan = await Artisan.findById(artisanId).lean();
  if (!artisan || String(artisan.workshop) !== input.workshopId) throw new NotFoundError('artisan', artisanId);
  return {
    id: artisanId,
    name: artisan.name,
    gender: artisan.gender,
    phone: artisan.phone,
    skills: artisan.skills,
    weeklyHours: artisan.weeklyHours,
    language: artisan.language ?? DEFAULT_LANGUAGE,
    status: artisan.status,
    joinedOn: nairobiDateString(artisan.joinedAt),
    workshop: await readWorkshopRecord({ workshopId: input.workshopId }),
  };
}

/** A workshop an artisan could move to, as the move form lists it. */
export interface WorkshopChoice {
  id: string;
  code: string;
  name: string;
  area: NairobiArea;
  skills: Skill[];
}

/** The active workshops, by area then code: where an artisan may move. */
export async function listWorkshopChoices(): Promise<WorkshopChoice[]> {
  const workshops = await Workshop.find({ active: true }, { code: 1, name: 1, area: 1, skills: 1 })
    .sort({ area: 1, code: 1 })
    .lean();
  return workshops.map((workshop) => ({
    id: String(workshop._id),
    code: workshop.code,
    name: workshop.name,
    area: workshop.area,
    skills: workshop.skills,
  }));
}
