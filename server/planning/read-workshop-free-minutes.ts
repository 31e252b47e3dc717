import { type Types } from 'mongoose';
import { z } from 'zod';

import { extraHolidaysSchema, weekLabelString } from '../domain/input-schemas';
import { CAPACITY_HOLDING_STATUSES } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { validateInput } from '../domain/validate-input';
import { type WeekLabel } from '../domain/weeks';
import { availableMinutes, workingShareOfWeek } from '../domain/working-time';
import { Artisan } from '../models/artisan';
import { Job } from '../models/job';
import { Workshop } from '../models/workshop';

export interface WorkshopFreeMinutes {
  workshopId: Types.ObjectId;
  code: string;
  name: string;
  area: string;
  /** Skills the workshop offers that at least one of its active artisans has. */
  skills: Skill[];
  artisans: number;
  /** One entry per horizon week. */
  availableMinutes: number[];
  committedMinutes: number[];
  /** Never below zero, even when a workshop is over-committed. */
  freeMinutes: number[];
}

const ReadWorkshopFreeMinutesInput = z.object({
  weeks: z.array(weekLabelString).min(1, 'at least one week').max(52),
  extraHolidays: extraHolidaysSchema,
});

/**
 * Free minutes per week of each active workshop as a whole: its active artisans' declared hours,
 * less public holidays, less the minutes of jobs already planned there that week, whatever their
 * skill.
 *
 * NOTE: the capacity service reports workshop × skill cells, splitting a multi-skill artisan's
 * week between their skills. The optimizer instead wants one pool of minutes per workshop and
 * week, shared by its skills; adding the cells up would be right for capacity but wrong for what
 * is free, because committed work is charged to one skill's cell while the artisan could have
 * spent those hours on any of their skills.
 */
export async function readWorkshopFreeMinutes(
  input: z.input<typeof ReadWorkshopFreeMinutesInput>,
): Promise<WorkshopFreeMinutes[]> {
  const { weeks, extraHolidays } = validateInput(ReadWorkshopFreeMinutesInput, input);
  const shares = weeks.map((week) => workingShareOfWeek({ week, extra: extraHolidays }));
  const [workshops, artisans, committed] = await Promise.all([
    Workshop.find({ active: true }, { code: 1, name: 1, area: 1, skills: 1 }).sort({ code: 1 }).lean(),
    Artisan.find({ status: 'active' }, { workshop: 1, skills: 1, weeklyHours: 1 }).lean(),
    readCommittedMinutes(weeks),
  ]);

  const artisansByWorkshop = new Map<string, typeof artisans>();
  for (const artisan of artisans) {
    const key = String(artisan.workshop);
    const members = artisansByWorkshop.get(key);
    if (members) members.push(artisan);
    else artisansByWorkshop.set(key, [artisan]);
  }
  const weekIndex = new Map(weeks.map((week, index) => [week, index]));

  return workshops.flatMap((workshop) => {
    const members = artisansByWorkshop.get(String(workshop._id)) ?? [];
    const artisanSkills = new Set(members.flatMap((artisan) => artisan.skills));
    const skills = workshop.skills.filter((skill) => artisanSkills.has(skill));
    if (members.length === 0 || skills.length === 0) return [];
    const available = shares.map((share) =>
      members.reduce((sum, artisan) => sum + availableMinutes({ weeklyHours: artisan.weeklyHours, share }), 0),
    );
    const committedMinutes = weeks.map(() => 0);
    for (const row of committed.get(String(workshop._id)) ?? []) {
      const index = weekIndex.get(row.week);
      if (index !== undefined) committedMinutes[index] += row.minutes;
    }
    return [
      {
        workshopId: workshop._id,
        code: workshop.code,
        name: workshop.name,
        area: workshop.area,
        skills,
        artisans: members.length,
        availableMinutes: available,
        committedMinutes,
        freeMinutes: available.map((minutes, index) => Math.max(0, minutes - committedMinutes[index])),
      },
    ];
  });
}

async function readCommittedMinutes(weeks: WeekLabel[]): Promise<Map<string, { week: WeekLabel; minutes: number }[]>> {
  const rows = await Job.aggregate<{ _id: { workshop: Types.ObjectId; week: WeekLabel }; minutes: number }>([
    { $match: { plannedWeek: { $in: weeks }, status: { $in: CAPACITY_HOLDING_STATUSES } } },
    {
      $group: {
        _id: { workshop: '$workshop', week: '$plannedWeek' },
        minutes: { $sum: { $multiply: ['$quantity', '$labourMinutesPerUnit'] } },
      },
    },
  ]);
  const byWorkshop = new Map<string, { week: WeekLabel; minutes: number }[]>();
  for (const row of rows) {
    const key = String(row._id.workshop);
    const entry = { week: row._id.week, minutes: row.minutes };
    const entries = byWorkshop.get(key);
    if (entries) entries.push(entry);
    else byWorkshop.set(key, [entry]);
  }
  return byWorkshop;
}
