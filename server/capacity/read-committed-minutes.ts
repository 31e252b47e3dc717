import { Types } from 'mongoose';

import { cachedBatchReadModel } from '../dashboard/read-model-cache';
import { CAPACITY_HOLDING_STATUSES } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { Job } from '../models/job';

export interface CommittedMinutesRow {
  week: WeekLabel;
  workshopId: string;
  skill: Skill;
  minutes: number;
  /** Artisans named on those jobs (jobs still on offer name none). */
  artisanIds: string[];
}

/** Above this many workshops of one week, the whole week is read at once. */
const WHOLE_WEEK_FROM = 20;

const keyOf = (week: string, workshopId: string) => `${week}|${workshopId}`;

/** Committed minutes for `week|workshop` keys: one query per week, narrowed to the workshops when they are few. */
async function computeCommitted(keys: string[]): Promise<Map<string, CommittedMinutesRow[]>> {
  const results = new Map<string, CommittedMinutesRow[]>(keys.map((key) => [key, []]));
  const workshopsByWeek = new Map<WeekLabel, string[]>();
  for (const key of keys) {
    const [week, workshopId] = key.split('|') as [WeekLabel, string];
    workshopsByWeek.set(week, [...(workshopsByWeek.get(week) ?? []), workshopId]);
  }
  await Promise.all(
    [...workshopsByWeek].map(async ([week, workshopIds]) => {
      // Week and status lead the {plannedWeek, status} index: a handful of exact lookups.
      const match: Record<string, unknown> = { plannedWeek: week, status: { $in: CAPACITY_HOLDING_STATUSES } };
      if (workshopIds.length < WHOLE_WEEK_FROM)
        match.workshop = { $in: workshopIds.map((id) => new Types.ObjectId(id)) };
      const rows = await Job.aggregate<{
        _id: { workshop: Types.ObjectId; skill: Skill };
        minutes: number;
        artisans: (Types.ObjectId | null)[];
      }>([
        { $match: match },
        {
          $group: {
            _id: { workshop: '$workshop', skill: '$skill' },
            minutes: { $sum: { $multiply: ['$quantity', '$labourMinutesPerUnit'] } },
            artisans: { $addToSet: '$artisan' },
          },
        },
      ]);
      for (const row of rows) {
        const workshopId = String(row._id.workshop);
        results.get(keyOf(week, workshopId))?.push({
          week,
          workshopId,
          skill: row._id.skill,
          minutes: row.minutes,
          artisanIds: row.artisans.filter((id): id is Types.ObjectId => id != null).map(String),
        });
      }
    }),
  );
  return results;
}

/**
 * Minutes of work already given to workshops, kept per planned week and workshop: a job moving
 * drops only its own workshop's week, so after one change the overview reads a handful of jobs
 * rather than the whole week's. Every job that holds workshop time counts (all but declined
 * and cancelled ones).
 */
const readCommittedByWorkshopWeek = cachedBatchReadModel<CommittedMinutesRow[]>({
  name: 'committed-minutes',
  invalidatedBy: {
    'job:status': (event) => [keyOf(event.week, event.workshopId)],
    'capacity:changed': (event) =>
      event.weeks.flatMap((week) => event.workshopIds.map((workshopId) => keyOf(week, workshopId))),
    'plan:committed': 'all',
  },
  maxAgeMs: 60_000,
  maxKept: 50_000,
  computeMany: computeCommitted,
});

/**
 * Committed minutes of some workshops in some weeks, by skill. `fresh` reads past the kept
 * figures: planning decides on them, and a figure a minute old is fine for a page but not there.
 */
export async function readCommittedMinutes({
  weeks,
  workshopIds,
  fresh = false,
}: {
  weeks: readonly WeekLabel[];
  workshopIds: readonly string[];
  fresh?: boolean;
}): Promise<CommittedMinutesRow[]> {
  const keys = weeks.flatMap((week) => workshopIds.map((workshopId) => keyOf(week, workshopId)));
  const committed = fresh ? await computeCommitted(keys) : await readCommittedByWorkshopWeek(keys);
  return [...committed.values()].flat();
}
