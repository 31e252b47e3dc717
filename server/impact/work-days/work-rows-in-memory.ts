import { type Types } from 'mongoose';

import { ImpactWorkDay } from '../../models/impact-work-day';
import { ImpactWorkMonth, type WorkMonthFigures } from '../../models/impact-work-month';
import { type WorkDone } from '../read-delivery-and-quality';
import { daysOfMonth, keepAggregateInMemory, rowsByMonth } from '../rows-in-memory';
import { WORK_DAYS_STATE_ID } from './keep-work-days-current';

/** One maker's passed jobs and inspected units on a day, or in a month dated at its start. */
export interface WorkRow {
  maker: WorkDone;
  /** The maker as one string ("workshop|artisan"), to sum its rows by. */
  makerKey: string;
  day: Date;
  figures: WorkMonthFigures;
}

type MakerKey = { artisan?: Types.ObjectId | null; workshop: Types.ObjectId };

function makerOf(key: MakerKey): Pick<WorkRow, 'maker' | 'makerKey'> {
  const maker = { artisanId: key.artisan ? String(key.artisan) : undefined, workshopId: String(key.workshop) };
  return { maker, makerKey: `${maker.workshopId}|${maker.artisanId ?? ''}` };
}

/** Every maker's months, as rows dated at their month's start, by month. */
async function loadWorkMonthRows(): Promise<Map<string, WorkRow[]>> {
  const makers = await ImpactWorkMonth.find({}, { _id: 0, artisan: 1, workshop: 1, months: 1 }).lean<
    (MakerKey & { months?: Record<string, WorkMonthFigures> })[]
  >();
  return rowsByMonth(makers, makerOf, (maker, figures: WorkMonthFigures, day) => ({ ...maker, day, figures }));
}

/** One month's rows of impact_work_days. */
async function loadWorkDayRows(month: string): Promise<WorkRow[]> {
  const days = await ImpactWorkDay.find(
    { day: daysOfMonth(month) },
    { _id: 0, artisan: 1, workshop: 1, day: 1, jobsPassed: 1, jobsOnTime: 1, unitsInspected: 1, unitsPassed: 1 },
  ).lean();
  return days.map((row) => ({
    ...makerOf(row),
    day: row.day,
    figures: {
      jobsPassed: row.jobsPassed,
      jobsOnTime: row.jobsOnTime,
      unitsInspected: row.unitsInspected,
      unitsPassed: row.unitsPassed,
    },
  }));
}

/** The rows of impact_work_days and impact_work_months as they stand, kept between reports. */
export const workRowsInMemory = keepAggregateInMemory<WorkRow>({
  stateId: WORK_DAYS_STATE_ID,
  loadMonthRows: loadWorkMonthRows,
  loadDayRows: loadWorkDayRows,
});
