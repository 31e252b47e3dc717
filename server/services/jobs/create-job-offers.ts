import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ValidationError } from '../../domain/errors';
import { objectIdString, weekLabelString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Job, type JobDoc } from '../../models/job';
import { Order } from '../../models/order';
import { Product } from '../../models/product';
import { Workshop } from '../../models/workshop';
import { actorStamp, recordAuditEvents } from '../audit/record-audit-event';
import { queueOfferMessages } from '../messages/queue-artisan-messages';
import { type UnitOfWork } from '../run-in-transaction';

const JobOffersInput = z.object({
  planId: objectIdString.optional(),
  offers: z
    .array(
      z.object({
        orderId: objectIdString,
        orderLineId: objectIdString,
        workshopId: objectIdString,
        quantity: z.number().int().min(1),
        plannedWeek: weekLabelString,
        dueDate: z.coerce.date(),
      }),
    )
    .min(1, 'at least one offer'),
});

export type JobOffersInput = z.input<typeof JobOffersInput>;

/**
 * Offers work to workshops, inside the caller's transaction (a plan commit writes its jobs and
 * its own status together). The product's skill, minutes and piece rate are copied onto the job.
 */
export async function createJobOffers({
  unit,
  actor,
  ...input
}: JobOffersInput & { unit: UnitOfWork; actor: Actor }): Promise<JobDoc[]> {
  const { planId, offers } = validateInput(JobOffersInput, input);
  const { session } = unit;
  const orders = await Order.find({ _id: { $in: offers.map((offer) => offer.orderId) } }, null, {
    session,
    lean: true,
  });
  const workshops = await Workshop.find(
    { _id: { $in: offers.map((offer) => offer.workshopId) } },
    { skills: 1, active: 1 },
    { session, lean: true },
  );
  const orderById = new Map(orders.map((order) => [String(order._id), order]));
  const workshopById = new Map(workshops.map((workshop) => [String(workshop._id), workshop]));
  const productIds = orders.flatMap((order) => order.lines.map((line) => line.product));
  const products = await Product.find({ _id: { $in: productIds } }, null, { session, lean: true });
  const productById = new Map(products.map((product) => [String(product._id), product]));

  const at = new Date();
  const stamp = actorStamp(actor);
  const plan = planId ? { plan: new Types.ObjectId(planId) } : {};
  const jobs: JobDoc[] = offers.map((offer, index) => {
    const order = orderById.get(offer.orderId);
    if (!order || order.status === 'cancelled' || order.status === 'shipped') {
      throw ValidationError.forField(`offers.${index}.orderId`, `order ${offer.orderId} is not open`);
    }
    const line = order.lines.find((candidate) => String(candidate._id) === offer.orderLineId);
    if (!line) throw ValidationError.forField(`offers.${index}.orderLineId`, `order ${offer.orderId} has no such line`);
    const product = productById.get(String(line.product));
    const workshop = workshopById.get(offer.workshopId);
    if (!product) throw ValidationError.forField(`offers.${index}.orderLineId`, `the line's product no longer exists`);
    if (!workshop?.active)
      throw ValidationError.forField(`offers.${index}.workshopId`, `no active workshop ${offer.workshopId}`);
    if (!workshop.skills.includes(product.requiredSkill)) {
      throw ValidationError.forField(
        `offers.${index}.workshopId`,
        `the workshop has no ${product.requiredSkill} skill`,
      );
    }
    return {
      _id: new Types.ObjectId(),
      order: order._id,
      orderLine: line._id,
      product: product._id,
      skill: product.requiredSkill,
      labourMinutesPerUnit: product.labourMinutesPerUnit,
      pieceRateCents: product.pieceRateCents,
      workshop: workshop._id,
      quantity: offer.quantity,
      passedQuantity: 0,
      failedQuantity: 0,
      dueDate: offer.dueDate,
      plannedWeek: offer.plannedWeek,
      ...plan,
      status: 'offered' as const,
      statusHistory: [{ from: null, to: 'offered' as const, at, by: stamp }],
      createdAt: at,
      updatedAt: at,
    };
  });

  // NOTE: written lean, without Mongoose building and validating a document per job (most of a
  // whole-network commit's time otherwise): every field above comes from the validated offers and
  // from the order, product and workshop just read, and the timestamps are set here.
  await Job.insertMany(jobs, { session, lean: true });
  await recordAuditEvents({
    session,
    actor,
    at,
    entries: jobs.map((job) => ({
      entity: { kind: 'job', id: job._id },
      action: 'job.offered',
      after: { status: 'offered', workshop: job.workshop, quantity: job.quantity, plannedWeek: job.plannedWeek },
    })),
  });
  // The artisans of each workshop hear of their offers by SMS, once per commit.
  await queueOfferMessages({ unit, jobs, sourceId: planId ?? String(jobs[0]._id), at });
  for (const job of jobs) {
    unit.publishAfterCommit('job:status', {
      jobId: String(job._id),
      orderId: String(job.order),
      workshopId: String(job.workshop),
      artisanId: null,
      from: null,
      to: 'offered',
      week: job.plannedWeek,
    });
  }
  unit.publishAfterCommit('capacity:changed', {
    workshopIds: [...new Set(jobs.map((job) => String(job.workshop)))],
    weeks: [...new Set(jobs.map((job) => job.plannedWeek))].sort(),
  });
  return jobs;
}
