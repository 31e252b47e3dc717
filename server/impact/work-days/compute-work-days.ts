import { type Types } from 'mongoose';

import { nairobiCalendarDay, nairobiDate } from '../../domain/weeks';
import { type ImpactWorkDayDoc } from '../../models/impact-work-day';
import { Inspection } from '../../models/inspection';
import { Job } from '../../models/job';

export type WorkDayRow = Omit<ImpactWorkDayDoc, '_id'>;

/** Who did the work and on which Nairobi day: the key of a row. */
export interface WorkDayKey {
  artisan: Types.ObjectId | null;
  workshop: Types.ObjectId;
  day: Date;
}

export const nairobiDayStart = (at: Date) => nairobiDate(nairobiCalendarDay(at));

const keyText = (key: WorkDayKey) =>
  `${String(key.workshop)}|${key.artisan ? String(key.artisan) : ''}|${key.day.getTime()}`;

/**
 * The rows of the jobs passed and the inspections made that the filters select (all of them for a
 * rebuild, one maker's day for a refresh). A job is on time when it passed by its due date.
 */
export async function computeWorkDays({
  jobs: jobFilter,
  inspections: inspectionFilter,
}: {
  jobs: Record<string, unknown>;
  inspections: Record<string, unknown>;
}): Promise<WorkDayRow[]> {
  const [jobs, inspections] = await Promise.all([
    Job.find(
      { passedAt: { $exists: true }, ...jobFilter },
      { artisan: 1, workshop: 1, passedAt: 1, dueDate: 1 },
    ).lean(),
    Inspection.find(inspectionFilter, {
      artisan: 1,
      workshop: 1,
      inspectedAt: 1,
      passedQuantity: 1,
      failedQuantity: 1,
    }).lean(),
  ]);
  const now = new Date();
  const rows = new Map<string, WorkDayRow>();
  const rowOf = (artisan: Types.ObjectId | null | undefined, workshop: Types.ObjectId, at: Date) => {
    const key = { artisan: artisan ?? null, workshop, day: nairobiDayStart(at) };
    const text = keyText(key);
    const row = rows.get(text) ?? {
      ...key,
      jobsPassed: 0,
      jobsOnTime: 0,
      unitsInspected: 0,
      unitsPassed: 0,
      createdAt: now,
      updatedAt: now,
    };
    rows.set(text, row);
    return row;
  };
  for (const job of jobs) {
    const row = rowOf(job.artisan, job.workshop, job.passedAt!);
    row.jobsPassed += 1;
    if (job.passedAt! <= job.dueDate) row.jobsOnTime += 1;
  }
  for (const inspection of inspections) {
    const row = rowOf(inspection.artisan, inspection.workshop, inspection.inspectedAt);
    row.unitsPassed += inspection.passedQuantity;
    row.unitsInspected += inspection.passedQuantity + inspection.failedQuantity;
  }
  return [...rows.values()];
}
