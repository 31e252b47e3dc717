import { type QueryFilter, Types } from 'mongoose';
import { z } from 'zod';

import { readCapacityWorkshops } from '../capacity/read-capacity-roster';
import { ValidationError } from '../domain/errors';
import { objectIdString, weekLabelString, oneOf } from '../domain/input-schemas';
import { isJobLate, lateJobsFilter } from '../domain/job-lateness';
import { FINISHED_JOB_STATUSES, type JobStatus } from '../domain/job-status';
import { clampPage, pageNumber } from '../domain/paging';
import { nairobiDateString } from '../domain/weeks';
import { isoWeekLabel, type WeekLabel } from '../domain/weeks';
import { Artisan } from '../models/artisan';
import { Job, type JobDoc } from '../models/job';
import { Order } from '../models/order';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';
import { cachedReadModel } from './read-model-cache';

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
/** Cards on each page of a single column, opened from the board's "and 625 more". */
export const CARDS_PER_COLUMN_PAGE = 60;

export const JobsBoardQuery = z.object({
  /** A planned week, or `all` for every job still in a column whatever its week. */
  week: z.union([z.literal('all'), weekLabelString], { error: 'must be a week like 2026-W48, or all' }).optional(),
  /** The workshop's id, or its code as people say it ("KIB-014"). */
  workshop: z
    .union([objectIdString, z.string().regex(/^[A-Za-z]{3}-\d{3,4}$/)], {
      error: 'must be a workshop code like KIB-014',
    })
    .optional(),
  /** One column alone, paged through: every job of that status, not only its first cards. */
  column: oneOf(BOARD_COLUMNS as [JobStatus, ...JobStatus[]]).optional(),
  page: pageNumber,
});

export type JobsBoardQuery = z.output<typeof JobsBoardQuery>;

export interface JobCard {
  id: string;
  orderId: string;
  order: string;
  sku: string;
  product: string;
  workshopId: string;
  workshop: string;
  artisan: string | null;
  week: WeekLabel;
  quantity: number;
  passedQuantity: number;
  dueOn: string;
  /** Due before now and not yet made (`isJobLate`): shown as late on the card. */
  late: boolean;
}

export interface JobsBoard {
  week: WeekLabel | 'all';
  workshop: { id: string; code: string; name: string } | null;
  columns: { status: JobStatus; count: number; units: number; late: number; cards: JobCard[] }[];
  /** When one column is opened alone: which, and where in its pages. */
  opened: { status: JobStatus; page: number; pageCount: number } | null;
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

const CARD_PROJECTION = {
  order: 1,
  product: 1,
  workshop: 1,
  artisan: 1,
  plannedWeek: 1,
  quantity: 1,
  passedQuantity: 1,
  dueDate: 1,
  status: 1,
} as const;

async function describeCards(jobs: CardSource[], now: Date): Promise<JobCard[]> {
  const unique = (values: unknown[]) => [...new Set(values.filter((value) => value != null).map(String))];
  const [orders, products, codes, artisans] = await Promise.all([
    Order.find({ _id: { $in: unique(jobs.map((job) => job.order)) } }, { reference: 1 }).lean(),
    Product.find({ _id: { $in: unique(jobs.map((job) => job.product)) } }, { sku: 1, name: 1 }).lean(),
    workshopCodes(unique(jobs.map((job) => job.workshop))),
    Artisan.find({ _id: { $in: unique(jobs.map((job) => job.artisan)) } }, { name: 1 }).lean(),
  ]);
  const label = <T extends { _id: Types.ObjectId }>(rows: T[], field: (row: T) => string) =>
    new Map(rows.map((row) => [String(row._id), field(row)]));
  const references = label(orders, (order) => order.reference);
  const skus = label(products, (product) => product.sku);
  const productNames = label(products, (product) => product.name);
  const names = label(artisans, (artisan) => artisan.name);
  return jobs.map((job) => ({
    id: String(job._id),
    orderId: String(job.order),
    order: references.get(String(job.order)) ?? String(job.order),
    sku: skus.get(String(job.product)) ?? '',
    product: productNames.get(String(job.product)) ?? '',
    workshopId: String(job.workshop),
    workshop: codes.get(String(job.workshop)) ?? String(job.workshop),
    artisan: job.artisan ? (names.get(String(job.artisan)) ?? null) : null,
    week: job.plannedWeek,
    quantity: job.quantity,
    passedQuantity: job.passedQuantity,
    dueOn: nairobiDateString(job.dueDate),
    late: isJobLate(job, now),
  }));
}

/**
 * Workshop codes by id, from the kept workshops (capacity:changed, which saving a workshop
 * publishes, drops them in every process), and from the database for any they lack: one saved a
 * moment ago, whose event has not come yet.
 */
async function workshopCodes(workshopIds: string[]): Promise<Map<string, string>> {
  const kept = new Map((await readCapacityWorkshops()).map((workshop) => [workshop.id, workshop.code]));
  const missing = workshopIds.filter((id) => !kept.has(id));
  if (missing.length > 0) {
    const found = await Workshop.find({ _id: { $in: missing } }, { code: 1 }).lean();
    for (const workshop of found) kept.set(String(workshop._id), workshop.code);
  }
  return kept;
}

interface BoardWorkshop {
  _id: Types.ObjectId;
  code: string;
  name: string;
}

/** The workshop a board is narrowed to, by id or code: kept, or read as workshopCodes does. */
async function findBoardWorkshop(idOrCode: string): Promise<BoardWorkshop> {
  const byId = Types.ObjectId.isValid(idOrCode) && idOrCode.length === 24;
  const wanted = byId ? idOrCode.toLowerCase() : idOrCode.toUpperCase();
  const kept = (await readCapacityWorkshops()).find((workshop) => (byId ? workshop.id : workshop.code) === wanted);
  if (kept) return { _id: new Types.ObjectId(kept.id), code: kept.code, name: kept.name };
  const filter = byId ? { _id: new Types.ObjectId(idOrCode) } : { code: wanted };
  const workshop = await Workshop.findOne(filter, { code: 1, name: 1 }).lean();
  if (!workshop) throw ValidationError.forField('workshop', `no workshop ${idOrCode}`);
  return { _id: workshop._id, code: workshop.code, name: workshop.name };
}

interface BoardInput {
  week: WeekLabel | 'all';
  workshop: BoardWorkshop | null;
  column?: JobStatus;
  page?: number;
  now: Date;
}

async function computeJobsBoard({ week, workshop, now, ...query }: BoardInput): Promise<JobsBoard> {
  const scope: QueryFilter<JobDoc> = {};
  if (week !== 'all') scope.plannedWeek = week;
  if (workshop) scope.workshop = workshop._id;
  const statuses = week === 'all' ? BOARD_COLUMNS : [...BOARD_COLUMNS, ...FINISHED_JOB_STATUSES];

  const [totals, lateTotals] = await Promise.all([
    // By status first: the indexes lead with the week or the status, so each count is an index lookup.
    Job.aggregate<{ _id: JobStatus; count: number; units: number }>([
      { $match: { ...scope, status: { $in: statuses } } },
      { $group: { _id: '$status', count: { $sum: 1 }, units: { $sum: '$quantity' } } },
    ]),
    Job.aggregate<{ _id: JobStatus; count: number }>([
      { $match: { ...scope, ...lateJobsFilter(now) } },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ]),
  ]);
  const total = new Map(totals.map((row) => [row._id, row]));
  const late = new Map(lateTotals.map((row) => [row._id, row.count]));

  // The board shows each column's first cards; an opened column shows one page of all of them.
  const opened = query.column
    ? {
        status: query.column,
        ...clampPage({
          page: query.page ?? 1,
          total: total.get(query.column)?.count ?? 0,
          pageSize: CARDS_PER_COLUMN_PAGE,
        }),
      }
    : null;
  const shown = opened ? [opened.status] : BOARD_COLUMNS;
  const columnJobs = await Promise.all(
    shown.map((status) =>
      Job.find({ ...scope, status }, CARD_PROJECTION)
        .sort({ dueDate: 1, _id: 1 })
        .skip(opened?.skip ?? 0)
        .limit(opened ? CARDS_PER_COLUMN_PAGE : CARDS_PER_COLUMN)
        .lean<CardSource[]>(),
    ),
  );
  const cardById = new Map((await describeCards(columnJobs.flat(), now)).map((card) => [card.id, card]));
  return {
    week,
    workshop: workshop ? { id: String(workshop._id), code: workshop.code, name: workshop.name } : null,
    columns: shown.map((status, index) => ({
      status,
      count: total.get(status)?.count ?? 0,
      units: total.get(status)?.units ?? 0,
      late: late.get(status) ?? 0,
      cards: columnJobs[index].flatMap((job) => cardById.get(String(job._id)) ?? []),
    })),
    opened: opened ? { status: opened.status, page: opened.page, pageCount: opened.pageCount } : null,
    finished:
      week === 'all' ? [] : FINISHED_JOB_STATUSES.map((status) => ({ status, count: total.get(status)?.count ?? 0 })),
  };
}

/** A board's key: its week, its workshop's id, and the opened column with its page. */
function boardKey({ week, workshop, column, page }: Omit<BoardInput, 'now'>): string {
  return [week, workshop ? String(workshop._id) : '', column ?? '', column ? (page ?? 1) : ''].join('|');
}

/** Boards showing the work of `workshopId` (all workshops' boards too) and, if given, of `week`. */
function boardsShowing(workshopId: string, week?: WeekLabel): (key: string) => boolean {
  return (key) => {
    const [boardWeek, boardWorkshop] = key.split('|');
    return (
      (boardWorkshop === '' || boardWorkshop === workshopId) && (!week || boardWeek === 'all' || boardWeek === week)
    );
  };
}

/**
 * Boards are kept until their jobs move: a job's move drops the boards of its week and workshop
 * (and those of all weeks or all workshops), a commit, a cancelled order or a product saved in the
 * catalogue drops them all. The
 * age limit brings the late marks up to the clock.
 */
const readKeptJobsBoard = cachedReadModel<BoardInput, JobsBoard>({
  name: 'jobs-board',
  invalidatedBy: {
    'job:status': (event) => boardsShowing(event.workshopId, event.week),
    'inspection:recorded': (event) => boardsShowing(event.workshopId),
    'payment:paid': (event) => boardsShowing(event.workshopId),
    // The cards name the artisans, whom the registry changes.
    'capacity:changed': (event) => (key) => event.workshopIds.some((id) => boardsShowing(id)(key)),
    'plan:committed': 'all',
    'order:cancelled': 'all',
    // The cards name their SKUs.
    'product:saved': 'all',
  },
  maxAgeMs: 30_000,
  keyOf: boardKey,
  maxKept: 256,
  compute: computeJobsBoard,
});

/** Jobs by status for a week (or every week) and optionally one workshop: counts, units and the first cards by due date. */
export async function readJobsBoard({
  query,
  now,
}: {
  query: Omit<JobsBoardQuery, 'page'> & { page?: number };
  now: Date;
}): Promise<JobsBoard> {
  const workshop = query.workshop ? await findBoardWorkshop(query.workshop) : null;
  return readKeptJobsBoard({
    week: query.week ?? isoWeekLabel(now),
    workshop,
    column: query.column,
    page: query.page,
    now,
  });
}
