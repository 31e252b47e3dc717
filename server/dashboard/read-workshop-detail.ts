import { Types } from 'mongoose';
import { z } from 'zod';

import { readCapacity } from '../capacity';
import { type ArtisanStatus } from '../domain/artisan-status';
import { NotFoundError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { CAPACITY_HOLDING_STATUSES, type JobStatus } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { validateInput } from '../domain/validate-input';
import { nairobiDateString } from '../domain/weeks';
import { shiftWeekLabel, weekRange, isoWeekLabel, type WeekLabel } from '../domain/weeks';
import { Artisan } from '../models/artisan';
import { Job } from '../models/job';
import { Order } from '../models/order';
import { Payment } from '../models/payment';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';
import { nairobiMonthStart, WORKSHOP_LOAD_WEEKS, type WorkshopWeekLoad } from './read-workshop-summaries';

/** The detail page lists the jobs of the last few weeks and of the weeks planned ahead. */
const JOB_WEEKS_BACK = 4;
const MAX_JOBS_SHOWN = 300;

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

/** One workshop: its artisans, its capacity and load by skill for the next weeks, and its recent and coming jobs. */
export async function readWorkshopDetail(input: { workshopId: string; now: Date }): Promise<WorkshopDetail> {
  const { workshopId } = validateInput(z.object({ workshopId: objectIdString }), input);
  const workshop = await Workshop.findById(workshopId).lean();
  if (!workshop) throw new NotFoundError('workshop', workshopId);
  const id = new Types.ObjectId(workshopId);
  const thisWeek = isoWeekLabel(input.now);
  const loadWeeks = weekRange(input.now, WORKSHOP_LOAD_WEEKS);
  const jobsFromWeek = shiftWeekLabel(thisWeek, -JOB_WEEKS_BACK);

  const [artisans, jobs, earnings, capacity] = await Promise.all([
    Artisan.find({ workshop: id }, { name: 1, skills: 1, weeklyHours: 1, status: 1 }).sort({ name: 1 }).lean(),
    Job.find({ workshop: id, plannedWeek: { $gte: jobsFromWeek } })
      .select({
        order: 1,
        product: 1,
        skill: 1,
        artisan: 1,
        plannedWeek: 1,
        status: 1,
        quantity: 1,
        passedQuantity: 1,
        failedQuantity: 1,
        labourMinutesPerUnit: 1,
        dueDate: 1,
      })
      .sort({ plannedWeek: -1, _id: 1 })
      .limit(MAX_JOBS_SHOWN)
      .lean(),
    Payment.aggregate<{ _id: Types.ObjectId | null; cents: number }>([
      {
        $match: { 'payee.workshop': id, createdAt: { $gte: nairobiMonthStart(input.now) }, status: { $ne: 'failed' } },
      },
      { $group: { _id: '$payee.artisan', cents: { $sum: '$amountCents' } } },
    ]),
    readCapacity({ now: input.now, weeks: loadWeeks.map((week) => week.label), workshopIds: [workshopId] }),
  ]);
  const [orders, products] = await Promise.all([
    Order.find({ _id: { $in: [...new Set(jobs.map((job) => String(job.order)))] } }, { reference: 1 }).lean(),
    Product.find({ _id: { $in: [...new Set(jobs.map((job) => String(job.product)))] } }, { sku: 1 }).lean(),
  ]);
  const reference = new Map(orders.map((order) => [String(order._id), order.reference]));
  const sku = new Map(products.map((product) => [String(product._id), product.sku]));
  const artisanName = new Map(artisans.map((artisan) => [String(artisan._id), artisan.name]));
  const earned = new Map(earnings.map((row) => [String(row._id), row.cents]));
  const holding = jobs.filter((job) => CAPACITY_HOLDING_STATUSES.includes(job.status));
  const thisWeekJobs = holding.filter((job) => job.plannedWeek === thisWeek);

  return {
    id: workshopId,
    code: workshop.code,
    name: workshop.name,
    area: workshop.area,
    phone: workshop.phone,
    skills: workshop.skills,
    active: workshop.active,
    loads: capacity.cells.map((cell) => ({
      week: cell.week,
      skill: cell.skill,
      capacityMinutes: cell.capacityMinutes,
      committedMinutes: cell.committedMinutes,
    })),
    artisans: artisans.map((artisan) => {
      const mine = thisWeekJobs.filter((job) => job.artisan?.equals(artisan._id));
      return {
        id: String(artisan._id),
        name: artisan.name,
        skills: artisan.skills,
        weeklyHours: artisan.weeklyHours,
        status: artisan.status,
        jobsThisWeek: mine.length,
        unitsThisWeek: mine.reduce((sum, job) => sum + job.quantity, 0),
        earningsThisMonthCents: earned.get(String(artisan._id)) ?? 0,
      };
    }),
    jobs: jobs.map((job) => ({
      id: String(job._id),
      orderId: String(job.order),
      order: reference.get(String(job.order)) ?? String(job.order),
      sku: sku.get(String(job.product)) ?? job.skill,
      artisan: job.artisan ? (artisanName.get(String(job.artisan)) ?? null) : null,
      week: job.plannedWeek,
      status: job.status,
      quantity: job.quantity,
      passedQuantity: job.passedQuantity,
      failedQuantity: job.failedQuantity,
      dueOn: nairobiDateString(job.dueDate),
    })),
    jobsFromWeek,
    earningsThisMonthCents: earnings.reduce((sum, row) => sum + row.cents, 0),
  };
}
