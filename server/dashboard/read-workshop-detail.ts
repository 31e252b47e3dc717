import { readCapacity } from '../capacity';
import { type ArtisanStatus } from '../domain/artisan-status';
import { objectIdString } from '../domain/input-schemas';
import { type JobStatus } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { validateField } from '../domain/validate-input';
import { shiftWeekLabel, weekRange, isoWeekLabel, type WeekLabel } from '../domain/weeks';
import { readWorkshopRecords } from './read-workshop-records';
import { nairobiMonthStart, WORKSHOP_LOAD_WEEKS, type WorkshopWeekLoad } from './read-workshop-summaries';

/** The detail page lists the jobs of the last few weeks and of the weeks planned ahead. */
const JOB_WEEKS_BACK = 4;

export interface WorkshopArtisanRow {
  id: string;
  name: string;
  skills: Skill[];
  weeklyHours: number;
  status: ArtisanStatus;
  jobsThisWeek: number;
  unitsThisWeek: number;
  earningsThisMonthCents: number;
}

export interface WorkshopJobRow {
  id: string;
  orderId: string;
  order: string;
  sku: string;
  artisan: string | null;
  week: WeekLabel;
  status: JobStatus;
  quantity: number;
  passedQuantity: number;
  failedQuantity: number;
  dueOn: string;
}

export interface WorkshopDetail {
  id: string;
  code: string;
  name: string;
  area: string;
  phone: string;
  skills: Skill[];
  active: boolean;
  loads: (WorkshopWeekLoad & { skill: Skill })[];
  artisans: WorkshopArtisanRow[];
  jobs: WorkshopJobRow[];
  jobsFromWeek: WeekLabel;
  earningsThisMonthCents: number;
}

/**
 * One workshop: its artisans, its capacity and load by skill for the next weeks (as of now, on
 * every view), and its recent and coming jobs (kept between changes: read-workshop-records.ts).
 */
export async function readWorkshopDetail(input: { workshopId: string; now: Date }): Promise<WorkshopDetail> {
  const workshopId = validateField('workshopId', objectIdString, input.workshopId);
  const thisWeek = isoWeekLabel(input.now);
  const loadWeeks = weekRange(input.now, WORKSHOP_LOAD_WEEKS);
  const jobsFromWeek = shiftWeekLabel(thisWeek, -JOB_WEEKS_BACK);
  const [records, capacity] = await Promise.all([
    readWorkshopRecords({ workshopId, jobsFromWeek, monthStart: nairobiMonthStart(input.now) }),
    readCapacity({ now: input.now, weeks: loadWeeks.map((week) => week.label), workshopIds: [workshopId] }),
  ]);
  const earned = new Map(records.earnedCents);
  const thisWeekJobs = records.jobs.filter((job) => job.holdsCapacity && job.week === thisWeek);

  return {
    id: workshopId,
    ...records.workshop,
    loads: capacity.cells.map((cell) => ({
      week: cell.week,
      skill: cell.skill,
      capacityMinutes: cell.capacityMinutes,
      committedMinutes: cell.committedMinutes,
    })),
    artisans: records.artisans.map((artisan) => {
      const mine = thisWeekJobs.filter((job) => job.artisanId === artisan.id);
      return {
        ...artisan,
        jobsThisWeek: mine.length,
        unitsThisWeek: mine.reduce((sum, job) => sum + job.quantity, 0),
        earningsThisMonthCents: earned.get(artisan.id) ?? 0,
      };
    }),
    // The kept rows without what only this week's counts use.
    jobs: records.jobs.map(({ artisanId: _artisanId, holdsCapacity: _holdsCapacity, ...row }) => row),
    jobsFromWeek,
    earningsThisMonthCents: records.earnedCents.reduce((sum, [, cents]) => sum + cents, 0),
  };
}
