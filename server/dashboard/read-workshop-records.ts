import { Types } from 'mongoose';

import { type ArtisanStatus } from '../domain/artisan-status';
import { NotFoundError } from '../domain/errors';
import { CAPACITY_HOLDING_STATUSES } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { nairobiDateString, type WeekLabel } from '../domain/weeks';
import { Artisan } from '../models/artisan';
import { Job } from '../models/job';
import { Order } from '../models/order';
import { Payment } from '../models/payment';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';
import { cachedReadModel, type DroppedKeys } from './read-model-cache';
import { type WorkshopJobRow } from './read-workshop-detail';

const MAX_JOBS_SHOWN = 300;

/** What the workshop page reads from the database, before capacity as of now is added to it. */
export interface WorkshopRecords {
  workshop: { code: string; name: string; area: string; phone: string; skills: Skill[]; active: boolean };
  artisans: { id: string; name: string; skills: Skill[]; weeklyHours: number; status: ArtisanStatus }[];
  /** Newest planned week first, at most MAX_JOBS_SHOWN; `holdsCapacity` and `artisanId` for this week's counts. */
  jobs: (WorkshopJobRow & { artisanId: string | null; holdsCapacity: boolean })[];
  /** Paid (or being paid) to each artisan since the month began; null for payments to the workshop itself. */
  earnedCents: [artisanId: string | null, cents: number][];
}

interface RecordsInput {
  workshopId: string;
  jobsFromWeek: WeekLabel;
  monthStart: Date;
}

async function computeWorkshopRecords({
  workshopId,
  jobsFromWeek,
  monthStart,
}: RecordsInput): Promise<WorkshopRecords> {
  const id = new Types.ObjectId(workshopId);
  const [workshop, artisans, jobs, earnings] = await Promise.all([
    Workshop.findById(id, { code: 1, name: 1, area: 1, phone: 1, skills: 1, active: 1 }).lean(),
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
        dueDate: 1,
      })
      .sort({ plannedWeek: -1, _id: 1 })
      .limit(MAX_JOBS_SHOWN)
      .lean(),
    Payment.aggregate<{ _id: Types.ObjectId | null; cents: number }>([
      { $match: { 'payee.workshop': id, createdAt: { $gte: monthStart }, status: { $ne: 'failed' } } },
      { $group: { _id: '$payee.artisan', cents: { $sum: '$amountCents' } } },
    ]),
  ]);
  if (!workshop) throw new NotFoundError('workshop', workshopId);
  const [orders, products] = await Promise.all([
    Order.find({ _id: { $in: [...new Set(jobs.map((job) => String(job.order)))] } }, { reference: 1 }).lean(),
    Product.find({ _id: { $in: [...new Set(jobs.map((job) => String(job.product)))] } }, { sku: 1 }).lean(),
  ]);
  const reference = new Map(orders.map((order) => [String(order._id), order.reference]));
  const sku = new Map(products.map((product) => [String(product._id), product.sku]));
  const artisanName = new Map(artisans.map((artisan) => [String(artisan._id), artisan.name]));
  return {
    workshop: {
      code: workshop.code,
      name: workshop.name,
      area: workshop.area,
      phone: workshop.phone,
      skills: workshop.skills,
      active: workshop.active,
    },
    artisans: artisans.map((artisan) => ({
      id: String(artisan._id),
      name: artisan.name,
      skills: artisan.skills,
      weeklyHours: artisan.weeklyHours,
      status: artisan.status,
    })),
    jobs: jobs.map((job) => ({
      id: String(job._id),
      orderId: String(job.order),
      order: reference.get(String(job.order)) ?? String(job.order),
      sku: sku.get(String(job.product)) ?? job.skill,
      artisan: job.artisan ? (artisanName.get(String(job.artisan)) ?? null) : null,
      artisanId: job.artisan ? String(job.artisan) : null,
      week: job.plannedWeek,
      status: job.status,
      holdsCapacity: CAPACITY_HOLDING_STATUSES.includes(job.status),
      quantity: job.quantity,
      passedQuantity: job.passedQuantity,
      failedQuantity: job.failedQuantity,
      dueOn: nairobiDateString(job.dueDate),
    })),
    earnedCents: earnings.map((row) => [row._id ? String(row._id) : null, row.cents]),
  };
}

/** Kept results of the workshops an event names (keys start with the workshop's id). */
const recordsOf =
  (...workshopIds: string[]): DroppedKeys =>
  (key) =>
    workshopIds.some((workshopId) => key.startsWith(`${workshopId}|`));

/**
 * A workshop's records, kept until an event says they moved: its jobs moving, inspected or paid,
 * its registry entry, artisans or absences changing (capacity:changed names the workshops), and
 * for every workshop a commit (new jobs), a cancelled or changed order, a payout's state or a
 * product saved (the jobs name SKUs). Capacity as of now is not kept here: the page adds it on
 * every view (read-workshop-detail.ts). The age limit covers what announces nothing (a hand edit).
 */
export const readWorkshopRecords = cachedReadModel<RecordsInput, WorkshopRecords>({
  name: 'workshop-records',
  invalidatedBy: {
    'job:status': (event) => recordsOf(event.workshopId),
    'inspection:recorded': (event) => recordsOf(event.workshopId),
    'payment:paid': (event) => recordsOf(event.workshopId),
    'capacity:changed': (event) => recordsOf(...event.workshopIds),
    'plan:committed': 'all',
    'order:cancelled': 'all',
    'order:changed': 'all',
    'payout:changed': 'all',
    'product:saved': 'all',
  },
  maxAgeMs: 30_000,
  keyOf: ({ workshopId, jobsFromWeek, monthStart }) => `${workshopId}|${jobsFromWeek}|${monthStart.toISOString()}`,
  // Every workshop of a network of a few thousand artisans, each a few dozen rows.
  maxKept: 1_000,
  compute: computeWorkshopRecords,
});
