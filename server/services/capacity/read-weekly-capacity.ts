import { Types } from 'mongoose';
import { z } from 'zod';

import { computeCapacityCells, type CapacityCell } from '../../domain/capacity-arithmetic';
import { extraHolidaysSchema, objectIdString, weekLabelString } from '../../domain/input-schemas';
import { CAPACITY_HOLDING_STATUSES } from '../../domain/job-status';
import { type Skill } from '../../domain/skills';
import { validateInput } from '../../domain/validate-input';
import { weekRange, type WeekLabel } from '../../domain/weeks';
import { workingShareOfWeek } from '../../domain/working-time';
import { Artisan } from '../../models/artisan';
import { Job } from '../../models/job';
import { Workshop } from '../../models/workshop';

const ReadWeeklyCapacityInput = z.object({
  startWeek: weekLabelString,
  weeks: z.number().int().min(1).max(52),
  workshopIds: z.array(objectIdString).optional(),
  extraHolidays: extraHolidaysSchema,
});

export type ReadWeeklyCapacityInput = z.input<typeof ReadWeeklyCapacityInput>;

/**
 * Minutes each active workshop can give per skill and week: its active artisans' declared hours,
 * less public holidays, less the jobs already planned in that week. This is what the optimizer
 * may still fill (`freeMinutes`).
 */
export async function readWeeklyCapacity(input: ReadWeeklyCapacityInput): Promise<CapacityCell[]> {
  const { startWeek, weeks: weekCount, workshopIds, extraHolidays } = validateInput(ReadWeeklyCapacityInput, input);
  const weeks = weekRange(startWeek, weekCount).map((week) => ({
    label: week.label,
    share: workingShareOfWeek({ week: week.label, extra: extraHolidays }),
  }));
  const workshopFilter = workshopIds ? { _id: { $in: workshopIds.map((id) => new Types.ObjectId(id)) } } : {};
  const workshops = await Workshop.find({ ...workshopFilter, active: true }, { _id: 1 }).lean();
  const activeWorkshopIds = workshops.map((workshop) => workshop._id);

  const artisans = await Artisan.find(
    { workshop: { $in: activeWorkshopIds }, status: 'active' },
    { workshop: 1, skills: 1, weeklyHours: 1 },
  ).lean();
  const committed = await Job.aggregate<{
    _id: { workshop: Types.ObjectId; skill: Skill; week: WeekLabel };
    minutes: number;
  }>([
    {
      $match: {
        workshop: { $in: activeWorkshopIds },
        plannedWeek: { $in: weeks.map((week) => week.label) },
        status: { $in: CAPACITY_HOLDING_STATUSES },
      },
    },
    {
      $group: {
        _id: { workshop: '$workshop', skill: '$skill', week: '$plannedWeek' },
        minutes: { $sum: { $multiply: ['$quantity', '$labourMinutesPerUnit'] } },
      },
    },
  ]);

  return computeCapacityCells({
    artisans: artisans.map((artisan) => ({
      workshopId: String(artisan.workshop),
      skills: artisan.skills,
      weeklyHours: artisan.weeklyHours,
    })),
    weeks,
    committed: committed.map((row) => ({
      workshopId: String(row._id.workshop),
      skill: row._id.skill,
      week: row._id.week,
      minutes: row.minutes,
    })),
  });
}
