import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { ForbiddenError } from '../../domain/errors';
import { type JobStatus } from '../../domain/job-status';
import { type WeekLabel } from '../../domain/weeks';
import { Artisan } from '../../models/artisan';
import { Job, type JobDoc } from '../../models/job';
import { Product } from '../../models/product';
import { actorLeadsWorkshop } from './workshop-lead';

/** One job as an artisan's phone shows it: what, how many, when, for how much. */
export interface ArtisanJobCard {
  id: string;
  productName: string;
  quantity: number;
  /** Units still to get through inspection (rework counts only the failed ones). */
  awaiting: number;
  madeQuantity: number;
  passedQuantity: number;
  failedQuantity: number;
  week: WeekLabel;
  dueDate: Date;
  pieceRateCents: number;
  /** What the whole job pays if every unit passes. */
  payCents: number;
  labourMinutes: number;
  status: JobStatus;
  artisanId: string | null;
  artisanName: string | null;
}

export interface ArtisanJobs {
  offers: ArtisanJobCard[];
  work: ArtisanJobCard[];
  /** Set for a workshop lead: the workshop's active artisans, to share its jobs among. */
  team: { id: string; name: string }[] | null;
}

const WORK_STATUSES: JobStatus[] = ['accepted', 'in_progress', 'failed', 'ready_for_qc'];

/**
 * What an artisan's phone lists: the offers open to their workshop, and the work in hand (theirs,
 * or for a workshop lead the whole workshop's), due soonest first. Nothing of other workshops.
 */
export async function readArtisanJobs({ actor }: { actor: Actor }): Promise<ArtisanJobs> {
  if (actor.role !== 'artisan' || !actor.artisanId || !actor.workshopId)
    throw new ForbiddenError('this page is for artisans linked to a workshop');
  const workshop = new Types.ObjectId(actor.workshopId);
  const me = new Types.ObjectId(actor.artisanId);
  const leads = await actorLeadsWorkshop({ actor });

  const [offers, work, team] = await Promise.all([
    Job.find({ workshop, status: 'offered', artisan: { $exists: false } })
      .sort({ dueDate: 1 })
      .lean(),
    Job.find({ workshop, status: { $in: WORK_STATUSES }, ...(leads ? {} : { artisan: me }) })
      .sort({ dueDate: 1 })
      .lean(),
    leads ? Artisan.find({ workshop, status: 'active' }, { name: 1 }).sort({ name: 1 }).lean() : null,
  ]);
  const jobs = [...offers, ...work];
  const productNames = await namesById(
    Product,
    jobs.map((job) => job.product),
  );
  const artisanNames = await namesById(
    Artisan,
    jobs.flatMap((job) => (job.artisan ? [job.artisan] : [])),
  );
  const card = (job: JobDoc): ArtisanJobCard => ({
    id: String(job._id),
    productName: productNames.get(String(job.product)) ?? 'Product',
    quantity: job.quantity,
    awaiting: job.quantity - job.passedQuantity,
    madeQuantity: job.madeQuantity ?? 0,
    passedQuantity: job.passedQuantity,
    failedQuantity: job.failedQuantity,
    week: job.plannedWeek,
    dueDate: job.dueDate,
    pieceRateCents: job.pieceRateCents,
    payCents: job.quantity * job.pieceRateCents,
    labourMinutes: job.quantity * job.labourMinutesPerUnit,
    status: job.status,
    artisanId: job.artisan ? String(job.artisan) : null,
    artisanName: job.artisan ? (artisanNames.get(String(job.artisan)) ?? null) : null,
  });
  return {
    offers: offers.map(card),
    work: work.map(card),
    team: team ? team.map((artisan) => ({ id: String(artisan._id), name: artisan.name })) : null,
  };
}

async function namesById(model: typeof Product | typeof Artisan, ids: Types.ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids.map(String))].map((id) => new Types.ObjectId(id));
  const docs = (await (model as typeof Product).find({ _id: { $in: unique } }, { name: 1 }).lean()) as {
    _id: Types.ObjectId;
    name: string;
  }[];
  return new Map(docs.map((doc) => [String(doc._id), doc.name]));
}
