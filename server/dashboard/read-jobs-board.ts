import { type QueryFilter, Types } from 'mongoose';
import { z } from 'zod';

import { ValidationError } from '../domain/errors';
import { objectIdString, weekLabelString } from '../domain/input-schemas';
import { FINISHED_JOB_STATUSES, type JobStatus } from '../domain/job-status';
import { nairobiDateString } from '../domain/weeks';
import { isoWeekLabel, type WeekLabel } from '../domain/weeks';
import { Artisan } from '../models/artisan';
import { Job, type JobDoc } from '../models/job';
import { Order } from '../models/order';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';

/** The board's columns, in the order work moves; finished jobs (paid, declined, cancelled) are only counted. */
export const BOARD_COLUMNS: readonly JobStatus[] = [
  'offered',
  'accepted',
  'in_progress',
  'ready_for_qc',
  'failed',
  'passed',
];
export const CARDS_PER_COLUMN = 15;

export const JobsBoardQuery = z.object({
  /** A planned week, or `all` for every job still in a column whatever its week. */
  week: z.union([z.literal('all'), weekLabelString], { error: 'must be a week like 2026-W48, or all' }).optional(),
  /** The workshop's id, or its code as people say it ("KIB-014"). */
  workshop: z
    .union([objectIdString, z.string().regex(/^[A-Za-z]{3}-\d{3,4}$/)], {
      error: 'must be a workshop code like KIB-014',
    })
    .optional(),
});

export type JobsBoardQuery = z.output<typeof JobsBoardQuery>;

export interface JobCard {
  id: string;
  orderId: string;
  order: string;
  sku: string;
  workshopId: string;
  workshop: string;
  artisan: string | null;
  week: WeekLabel;
  quantity: number;
  passedQuantity: number;
  dueOn: string;
}

export interface JobsBoard {
  week: WeekLabel | 'all';
  workshop: { id: string; code: string; name: string } | null;
  columns: { status: JobStatus; count: number; units: number; cards: JobCard[] }[];
  /** Jobs of the week that are finished: paid, declined or cancelled (not shown with a week of `all`). */
  finished: { status: JobStatus; count: number }[];
}

type CardSource = Pick<
  JobDoc,
  | '_id'
  | 'order'
  | 'product'
  | 'workshop'
  | 'artisan'
  | 'plannedWeek'
  | 'quantity'
  | 'passedQuantity'
  | 'dueDate'
  | 'status'
>;

async function describeCards(jobs: CardSource[]): Promise<JobCard[]> {
  const unique = (values: unknown[]) => [...new Set(values.filter((value) => value != null).map(String))];
  const [orders, products, workshops, artisans] = await Promise.all([
    Order.find({ _id: { $in: unique(jobs.map((job) => job.order)) } }, { reference: 1 }).lean(),
    Product.find({ _id: { $in: unique(jobs.map((job) => job.product)) } }, { sku: 1 }).lean(),
    Workshop.find({ _id: { $in: unique(jobs.map((job) => job.workshop)) } }, { code: 1 }).lean(),
    Artisan.find({ _id: { $in: unique(jobs.map((job) => job.artisan)) } }, { name: 1 }).lean(),
  ]);
  const label = <T extends { _id: Types.ObjectId }>(rows: T[], field: (row: T) => string) =>
    new Map(rows.map((row) => [String(row._id), field(row)]));
  const references = label(orders, (order) => order.reference);
  const skus = label(products, (product) => product.sku);
  const codes = label(workshops, (workshop) => workshop.code);
  const names = label(artisans, (artisan) => artisan.name);
  return jobs.map((job) => ({
    id: String(job._id),
    orderId: String(job.order),
    order: references.get(String(job.order)) ?? String(job.order),
    sku: skus.get(String(job.product)) ?? '',
    workshopId: String(job.workshop),
    workshop: codes.get(String(job.workshop)) ?? String(job.workshop),
    artisan: job.artisan ? (names.get(String(job.artisan)) ?? null) : null,
    week: job.plannedWeek,
    quantity: job.quantity,
    passedQuantity: job.passedQuantity,
    dueOn: nairobiDateString(job.dueDate),
  }));
}

/** Jobs by status for a week (or every week) and optionally one workshop: counts, units and the first cards by due date. */
async function findBoardWorkshop(idOrCode: string) {
  const filter =
    Types.ObjectId.isValid(idOrCode) && idOrCode.length === 24
      ? { _id: new Types.ObjectId(idOrCode) }
      : { code: idOrCode.toUpperCase() };
  const workshop = await Workshop.findOne(filter, { code: 1, name: 1 }).lean();
  if (!workshop) throw ValidationError.forField('workshop', `no workshop ${idOrCode}`);
  return workshop;
}

export async function readJobsBoard({ query, now }: { query: JobsBoardQuery; now: Date }): Promise<JobsBoard> {
  const week = query.week ?? isoWeekLabel(now);
  const workshop = query.workshop ? await findBoardWorkshop(query.workshop) : null;
  const scope: QueryFilter<JobDoc> = {};
  if (week !== 'all') scope.plannedWeek = week;
  if (workshop) scope.workshop = workshop._id;
  const statuses = week === 'all' ? BOARD_COLUMNS : [...BOARD_COLUMNS, ...FINISHED_JOB_STATUSES];

  const [totals, columnJobs] = await Promise.all([
    // By status first: the indexes lead with the week or the status, so each count is an index lookup.
    Job.aggregate<{ _id: JobStatus; count: number; units: number }>([
      { $match: { ...scope, status: { $in: statuses } } },
      { $group: { _id: '$status', count: { $sum: 1 }, units: { $sum: '$quantity' } } },
    ]),
    Promise.all(
      BOARD_COLUMNS.map((status) =>
        Job.find(
          { ...scope, status },
          {
            order: 1,
            product: 1,
            workshop: 1,
            artisan: 1,
            plannedWeek: 1,
            quantity: 1,
            passedQuantity: 1,
            dueDate: 1,
            status: 1,
          },
        )
          .sort({ dueDate: 1, _id: 1 })
          .limit(CARDS_PER_COLUMN)
          .lean<CardSource[]>(),
      ),
    ),
  ]);
  const cardById = new Map((await describeCards(columnJobs.flat())).map((card) => [card.id, card]));
  const total = new Map(totals.map((row) => [row._id, row]));
  return {
    week,
    workshop: workshop ? { id: String(workshop._id), code: workshop.code, name: workshop.name } : null,
    columns: BOARD_COLUMNS.map((status, index) => ({
      status,
      count: total.get(status)?.count ?? 0,
      units: total.get(status)?.units ?? 0,
      cards: columnJobs[index].flatMap((job) => cardById.get(String(job._id)) ?? []),
    })),
    finished:
      week === 'all' ? [] : FINISHED_JOB_STATUSES.map((status) => ({ status, count: total.get(status)?.count ?? 0 })),
  };
}
