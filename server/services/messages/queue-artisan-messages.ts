import { type Types } from 'mongoose';

import { Artisan } from '../../models/artisan';
import { type JobDoc } from '../../models/job';
import { Product } from '../../models/product';
import { Workshop } from '../../models/workshop';
import { type UnitOfWork } from '../run-in-transaction';
import { MESSAGE_TEXTS } from './message-texts';
import { queueMessages, type MessageDraft } from './queue-messages';

/**
 * What each change tells artisans by SMS, queued inside the change's own transaction: new offers
 * to a workshop, an inspection of a job, a payout paid. Each is keyed by its cause (the commit or
 * job, the inspection, the payout), so it is queued once however often the cause is applied.
 */

/**
 * New offers: one SMS per active artisan of each workshop offered work, listing the offers whose
 * skill they have (artisans without any of those skills are not bothered). Keyed by the plan
 * committed, or the first job when offers come without a plan.
 */
export async function queueOfferMessages({
  unit,
  jobs,
  sourceId,
  at,
}: {
  unit: UnitOfWork;
  jobs: JobDoc[];
  sourceId: string;
  at: Date;
}): Promise<number> {
  if (jobs.length === 0) return 0;
  const { session } = unit;
  const workshopIds = [...new Set(jobs.map((job) => String(job.workshop)))];
  // NOTE: one after another: operations of one transaction must not run in parallel on its session.
  const workshops = await Workshop.find({ _id: { $in: workshopIds } }, { name: 1 }, { session, lean: true });
  const artisans = await Artisan.find(
    { workshop: { $in: workshopIds }, status: 'active' },
    { workshop: 1, skills: 1 },
    { session, lean: true },
  );
  const products = await Product.find(
    { _id: { $in: [...new Set(jobs.map((job) => String(job.product)))] } },
    { name: 1 },
    { session, lean: true },
  );
  const workshopName = new Map(workshops.map((workshop) => [String(workshop._id), workshop.name]));
  const productName = new Map(products.map((product) => [String(product._id), product.name]));
  // By workshop, earliest due first, once: a whole-network commit has thousands of artisans and jobs.
  const jobsByWorkshop = new Map<string, JobDoc[]>();
  for (const job of [...jobs].sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime())) {
    const key = String(job.workshop);
    const list = jobsByWorkshop.get(key) ?? [];
    list.push(job);
    jobsByWorkshop.set(key, list);
  }
  const drafts: MessageDraft[] = [];
  for (const artisan of artisans) {
    const lines = (jobsByWorkshop.get(String(artisan.workshop)) ?? [])
      .filter((job) => artisan.skills.includes(job.skill))
      .map((job) => ({
        productName: productName.get(String(job.product)) ?? 'pieces',
        quantity: job.quantity,
        dueDate: job.dueDate,
      }));
    if (lines.length === 0) continue;
    const name = workshopName.get(String(artisan.workshop)) ?? 'your workshop';
    drafts.push({
      artisan: artisan._id,
      render: (language) => MESSAGE_TEXTS[language].offer({ workshopName: name, lines }),
    });
  }
  return queueMessages({ unit, kind: 'offer', sourceId, drafts, at });
}

/** Whom an SMS about a workshop's job goes to: the artisan who took it, else the workshop's lead. */
async function artisanOrLead({
  unit,
  artisan,
  workshop,
}: {
  unit: UnitOfWork;
  artisan?: Types.ObjectId;
  workshop: Types.ObjectId;
}): Promise<Types.ObjectId | undefined> {
  if (artisan) return artisan;
  const found = await Workshop.findById(workshop, { leadArtisan: 1 }, { session: unit.session, lean: true });
  return found?.leadArtisan;
}

/** An inspection's result, to the artisan whose work it was. */
export async function queueInspectionMessage({
  unit,
  inspectionId,
  job,
  passed,
  failed,
  at,
}: {
  unit: UnitOfWork;
  inspectionId: Types.ObjectId;
  job: Pick<JobDoc, 'artisan' | 'workshop' | 'product'>;
  passed: number;
  failed: number;
  at: Date;
}): Promise<number> {
  const artisan = await artisanOrLead({ unit, artisan: job.artisan, workshop: job.workshop });
  if (!artisan) return 0;
  const product = await Product.findById(job.product, { name: 1 }, { session: unit.session, lean: true });
  const productName = product?.name ?? 'Your job';
  return queueMessages({
    unit,
    kind: 'inspection',
    sourceId: String(inspectionId),
    drafts: [{ artisan, render: (language) => MESSAGE_TEXTS[language].inspection({ productName, passed, failed }) }],
    at,
  });
}

/** A payout paid, to the artisan paid (or the workshop's lead), with the M-Pesa receipt and amount. */
export async function queueReceiptMessage({
  unit,
  payout,
  receipt,
  at,
}: {
  unit: UnitOfWork;
  payout: {
    _id: Types.ObjectId;
    payee: { artisan?: Types.ObjectId; workshop: Types.ObjectId };
    phone: string;
    shillings: number;
  };
  receipt: string;
  at: Date;
}): Promise<number> {
  const artisan = await artisanOrLead({ unit, artisan: payout.payee.artisan, workshop: payout.payee.workshop });
  if (!artisan) return 0;
  return queueMessages({
    unit,
    kind: 'receipt',
    sourceId: String(payout._id),
    drafts: [
      {
        artisan,
        phone: payout.phone,
        render: (language) => MESSAGE_TEXTS[language].receipt({ shillings: payout.shillings, receipt }),
      },
    ],
    at,
  });
}
