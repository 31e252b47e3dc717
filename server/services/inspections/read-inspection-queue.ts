import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import { type NairobiArea } from '../../domain/nairobi-areas';
import { type WeekLabel } from '../../domain/weeks';
import { Artisan } from '../../models/artisan';
import { Job, type JobDoc } from '../../models/job';
import { Product } from '../../models/product';
import { Workshop } from '../../models/workshop';
import { assertInspectorCoversWorkshop, readInspectionAreas } from './officer-areas';

/** A job waiting for an officer, as their phone lists it. */
export interface InspectionVisit {
  jobId: string;
  productName: string;
  /** Units to inspect now: all of them, or after a rework the ones not passed yet. */
  awaiting: number;
  quantity: number;
  week: WeekLabel;
  workshop: { code: string; name: string; area: NairobiArea };
  artisanName: string | null;
  /** When the artisan marked it ready: the queue is oldest first. */
  readySince: Date;
}

export interface InspectionQueue {
  areas: NairobiArea[];
  /** One group per neighbourhood with work waiting, the neighbourhood with the oldest first. */
  groups: { area: NairobiArea; visits: InspectionVisit[] }[];
}

function readySince(job: JobDoc): Date {
  return [...job.statusHistory].reverse().find((change) => change.to === 'ready_for_qc')?.at ?? job.updatedAt;
}

async function describeVisits(jobs: JobDoc[]): Promise<InspectionVisit[]> {
  const ids = (values: Types.ObjectId[]) => [...new Set(values.map(String))].map((id) => new Types.ObjectId(id));
  const [workshops, products, artisans] = await Promise.all([
    Workshop.find({ _id: { $in: ids(jobs.map((job) => job.workshop)) } }, { code: 1, name: 1, area: 1 }).lean(),
    Product.find({ _id: { $in: ids(jobs.map((job) => job.product)) } }, { name: 1 }).lean(),
    Artisan.find({ _id: { $in: ids(jobs.flatMap((job) => (job.artisan ? [job.artisan] : []))) } }, { name: 1 }).lean(),
  ]);
  const workshopOf = new Map(workshops.map((workshop) => [String(workshop._id), workshop]));
  const productName = new Map(products.map((product) => [String(product._id), product.name]));
  const artisanName = new Map(artisans.map((artisan) => [String(artisan._id), artisan.name]));
  return jobs.flatMap((job) => {
    const workshop = workshopOf.get(String(job.workshop));
    if (!workshop) return [];
    return [
      {
        jobId: String(job._id),
        productName: productName.get(String(job.product)) ?? 'Product',
        awaiting: job.quantity - job.passedQuantity,
        quantity: job.quantity,
        week: job.plannedWeek,
        workshop: { code: workshop.code, name: workshop.name, area: workshop.area },
        artisanName: job.artisan ? (artisanName.get(String(job.artisan)) ?? null) : null,
        readySince: readySince(job),
      },
    ];
  });
}

/**
 * The jobs ready for inspection in the officer's neighbourhoods, grouped by neighbourhood and
 * oldest first, so the longest wait is visited first. Managers and admins see every area.
 */
export async function readInspectionQueue({ actor }: { actor: Actor }): Promise<InspectionQueue> {
  const areas = await readInspectionAreas({ actor });
  const workshopIds = await Workshop.find({ area: { $in: areas } }, { _id: 1 }).lean();
  const jobs = await Job.find({ status: 'ready_for_qc', workshop: { $in: workshopIds.map((w) => w._id) } }).lean();
  const visits = (await describeVisits(jobs)).sort((a, b) => a.readySince.getTime() - b.readySince.getTime());
  const groups = new Map<NairobiArea, InspectionVisit[]>();
  for (const visit of visits) groups.set(visit.workshop.area, [...(groups.get(visit.workshop.area) ?? []), visit]);
  return { areas, groups: [...groups].map(([area, areaVisits]) => ({ area, visits: areaVisits })) };
}

/** One job for the inspection form, if it is in the officer's areas. */
export async function readInspectionVisit({
  actor,
  jobId,
}: {
  actor: Actor;
  jobId: string;
}): Promise<InspectionVisit & { status: JobDoc['status'] }> {
  const job = Types.ObjectId.isValid(jobId) ? await Job.findById(jobId).lean() : null;
  if (!job) throw new NotFoundError('job', jobId);
  await assertInspectorCoversWorkshop({ actor, workshopId: job.workshop });
  const [visit] = await describeVisits([job]);
  return { ...visit, status: job.status };
}
