import { Types } from 'mongoose';

import { readCapacity } from '../capacity';
import { type CapacityWorkshopRecord } from '../capacity/read-capacity-roster';
import { WORKSHOP_LOAD_EVENTS } from '../domain/events';
import { moveKeepsNetworkFigures } from '../domain/job-status';
import { isoWeekLabel, nairobiCalendarDay, nairobiDate, weekRange, type WeekLabel } from '../domain/weeks';
import { Payment } from '../models/payment';
import { cachedReadModel, droppedBy } from './read-model-cache';

/** The workshops table shows load for this week and the next two. */
export const WORKSHOP_LOAD_WEEKS = 3;

export interface WorkshopWeekLoad {
  week: WeekLabel;
  /** What its artisans can still give that week as of now (see server/capacity). */
  capacityMinutes: number;
  committedMinutes: number;
}

/** A workshop as the capacity roster knows it, with its load and earnings. */
export interface WorkshopSummary extends CapacityWorkshopRecord {
  /** Active artisans. */
  artisans: number;
  weeks: WorkshopWeekLoad[];
  /**
   * Payments for this workshop's work recorded since the start of this month (Nairobi), failed
   * payouts excepted: what its artisans earned this month, in KES cents.
   */
  earningsThisMonthCents: number;
}

export function nairobiMonthStart(now: Date): Date {
  const { year, month } = nairobiCalendarDay(now);
  return nairobiDate({ year, month, day: 1 });
}

async function readEarningsSince({
  workshopIds,
  since,
}: {
  workshopIds: Types.ObjectId[];
  since: Date;
}): Promise<Map<string, number>> {
  // Workshop first and the date as a range: the {payee.workshop, createdAt} index reads only this month's payments.
  const rows = await Payment.aggregate<{ _id: Types.ObjectId; cents: number }>([
    { $match: { 'payee.workshop': { $in: workshopIds }, createdAt: { $gte: since }, status: { $ne: 'failed' } } },
    { $group: { _id: '$payee.workshop', cents: { $sum: '$amountCents' } } },
  ]);
  return new Map(rows.map((row) => [String(row._id), row.cents]));
}

/** Every workshop with its artisans, its load for the next weeks and its earnings this month. */
export async function computeWorkshopSummaries({ now }: { now: Date }): Promise<WorkshopSummary[]> {
  const weeks = weekRange(now, WORKSHOP_LOAD_WEEKS);
  const capacity = await readCapacity({ now, weeks: weeks.map((week) => week.label) });
  const { workshops, artisans } = capacity.roster;
  const earnings = await readEarningsSince({
    workshopIds: workshops.map((workshop) => new Types.ObjectId(workshop.id)),
    since: nairobiMonthStart(now),
  });
  const loadByWorkshopWeek = new Map<string, WorkshopWeekLoad>();
  for (const cell of capacity.cells) {
    const key = `${cell.workshopId}|${cell.week}`;
    const load = loadByWorkshopWeek.get(key) ?? { week: cell.week, capacityMinutes: 0, committedMinutes: 0 };
    load.capacityMinutes += cell.capacityMinutes;
    load.committedMinutes += cell.committedMinutes;
    loadByWorkshopWeek.set(key, load);
  }
  const artisanCount = new Map<string, number>();
  for (const artisan of artisans) artisanCount.set(artisan.workshopId, (artisanCount.get(artisan.workshopId) ?? 0) + 1);

  return workshops.map((workshop) => {
    const { id } = workshop;
    return {
      id,
      code: workshop.code,
      name: workshop.name,
      area: workshop.area,
      skills: workshop.skills,
      active: workshop.active,
      artisans: artisanCount.get(id) ?? 0,
      weeks: weeks.map(
        (week) =>
          loadByWorkshopWeek.get(`${id}|${week.label}`) ?? {
            week: week.label,
            capacityMinutes: 0,
            committedMinutes: 0,
          },
      ),
      earningsThisMonthCents: earnings.get(id) ?? 0,
    };
  });
}

/** The summaries every planner's workshops page shares, computed afresh when work or pay changes. */
export const readWorkshopSummaries = cachedReadModel<{ now: Date }, WorkshopSummary[]>({
  name: 'workshop-summaries',
  invalidatedBy: droppedBy(WORKSHOP_LOAD_EVENTS, {
    'job:status': (event) => (moveKeepsNetworkFigures(event) ? [] : 'all'),
  }),
  maxAgeMs: 60_000,
  keyOf: ({ now }) => `${isoWeekLabel(now)}|${nairobiMonthStart(now).toISOString()}`,
  compute: computeWorkshopSummaries,
});
