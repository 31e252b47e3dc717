import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { type JobStatus } from '#server/domain/job-status';
import { type OrderStatus } from '#server/domain/order-status';
import { Artisan, Job, Order, Product, ProductCollection, Workshop } from '#server/models/index';
import { type OrderDoc } from '#server/models/order';

import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

/**
 * A network small enough to compute every dashboard figure by hand (the expected values in the
 * tests are worked out in comments there). "Now" is Wednesday 2026-03-04 12:30 in Nairobi, in
 * week 2026-W10 (Mon 2 – Sun 8 March): exactly half of the week's working time (Monday to
 * Friday, 08:00–17:00) is left, so this week's capacity is half of a whole week's. Weeks W10–W13
 * have no public holiday.
 */
export const HAND_NOW = new Date('2026-03-04T09:30:00Z');

let orderSequence = 0;

function makeOrder({
  status,
  shipBy,
  lines,
}: {
  status: OrderStatus;
  shipBy: string;
  lines: { product: Types.ObjectId; sku: string; quantity: number }[];
}): OrderDoc {
  orderSequence += 1;
  const placedAt = new Date('2026-02-20T08:00:00Z');
  return {
    _id: new Types.ObjectId(),
    reference: `HAND-${String(orderSequence).padStart(3, '0')}`,
    source: 'web',
    customer: { name: `Customer ${orderSequence}`, country: 'KE' },
    lines: lines.map((line) => ({ _id: new Types.ObjectId(), unitPriceCents: 100_000, ...line })),
    placedAt,
    shipBy: new Date(shipBy),
    priority: 'normal',
    status,
    createdAt: placedAt,
    updatedAt: placedAt,
  };
}

export async function seedHandNetwork() {
  const wa = makeWorkshop({ skills: ['brass-casting', 'horn-carving'] });
  const wb = makeWorkshop({ skills: ['beading-wire-work'] });
  const wc = makeWorkshop({ skills: ['brass-casting'], active: false });
  const a1 = makeArtisan({ workshop: wa._id, skills: ['brass-casting'], weeklyHours: 20 });
  const a2 = makeArtisan({ workshop: wa._id, skills: ['brass-casting', 'horn-carving'], weeklyHours: 10 });
  const a3 = makeArtisan({ workshop: wa._id, skills: ['horn-carving'], weeklyHours: 30, status: 'paused' });
  const b1 = makeArtisan({ workshop: wb._id, skills: ['beading-wire-work'], weeklyHours: 25 });
  const b2 = makeArtisan({ workshop: wb._id, skills: ['beading-wire-work'], weeklyHours: 15 });
  const c1 = makeArtisan({ workshop: wc._id, skills: ['brass-casting'], weeklyHours: 40 });

  const collection = makeCollection();
  const brass = makeProduct({
    collectionRef: collection._id,
    sku: 'HAND-BC',
    requiredSkill: 'brass-casting',
    labourMinutesPerUnit: 30,
  });
  const horn = makeProduct({
    collectionRef: collection._id,
    sku: 'HAND-HC',
    requiredSkill: 'horn-carving',
    labourMinutesPerUnit: 60,
  });
  const beads = makeProduct({
    collectionRef: collection._id,
    sku: 'HAND-BW',
    requiredSkill: 'beading-wire-work',
    labourMinutesPerUnit: 20,
  });
  const line = (product: typeof brass, quantity: number) => ({ product: product._id, sku: product.sku, quantity });

  const o1 = makeOrder({ status: 'open', shipBy: '2026-03-06T14:00:00Z', lines: [line(brass, 10), line(beads, 20)] });
  const o2 = makeOrder({ status: 'planned', shipBy: '2026-03-13T14:00:00Z', lines: [line(horn, 8)] });
  const o3 = makeOrder({ status: 'in_production', shipBy: '2026-03-02T14:00:00Z', lines: [line(brass, 12)] });
  const o4 = makeOrder({ status: 'shipped', shipBy: '2026-02-27T14:00:00Z', lines: [line(beads, 5)] });
  const o5 = makeOrder({ status: 'cancelled', shipBy: '2026-03-05T14:00:00Z', lines: [line(beads, 50)] });
  const o6 = makeOrder({ status: 'open', shipBy: '2026-03-25T14:00:00Z', lines: [line(beads, 30)] });
  const o7 = makeOrder({ status: 'planned', shipBy: '2026-03-10T14:00:00Z', lines: [line(beads, 15)] });
  const o8 = makeOrder({ status: 'in_production', shipBy: '2026-03-12T14:00:00Z', lines: [line(horn, 4)] });
  const o9 = makeOrder({ status: 'open', shipBy: '2026-02-25T14:00:00Z', lines: [line(horn, 3)] });

  const job = (
    order: OrderDoc,
    workshop: typeof wa,
    product: typeof brass,
    fields: {
      plannedWeek: string;
      quantity: number;
      status: JobStatus;
      artisan?: Types.ObjectId;
      passedQuantity?: number;
      failedQuantity?: number;
    },
  ) =>
    makeJob({
      order: order._id,
      orderLine: order.lines[0]._id,
      product: product._id,
      skill: product.requiredSkill,
      labourMinutesPerUnit: product.labourMinutesPerUnit,
      workshop: workshop._id,
      dueDate: order.shipBy,
      ...fields,
      plannedWeek: fields.plannedWeek as `${number}-W${string}`,
    });
  const jobs = {
    j1: job(o2, wa, horn, { plannedWeek: '2026-W10', quantity: 8, status: 'accepted', artisan: a2._id }),
    j2: job(o3, wa, brass, { plannedWeek: '2026-W10', quantity: 6, status: 'in_progress', artisan: a1._id }),
    j3: job(o3, wa, brass, {
      plannedWeek: '2026-W09',
      quantity: 6,
      status: 'paid',
      artisan: a1._id,
      passedQuantity: 6,
    }),
    j4: job(o3, wb, brass, { plannedWeek: '2026-W10', quantity: 5, status: 'declined' }),
    j5: job(o6, wb, beads, { plannedWeek: '2026-W11', quantity: 10, status: 'offered' }),
    j6: job(o7, wb, beads, { plannedWeek: '2026-W10', quantity: 15, status: 'ready_for_qc', artisan: b1._id }),
    j7: job(o8, wa, horn, {
      plannedWeek: '2026-W10',
      quantity: 4,
      status: 'failed',
      artisan: a2._id,
      passedQuantity: 1,
      failedQuantity: 3,
    }),
  };

  await Workshop.collection.insertMany([wa, wb, wc]);
  await Artisan.collection.insertMany([a1, a2, a3, b1, b2, c1]);
  await ProductCollection.collection.insertMany([collection]);
  await Product.collection.insertMany([brass, horn, beads]);
  await Order.collection.insertMany([o1, o2, o3, o4, o5, o6, o7, o8, o9]);
  await Job.collection.insertMany(Object.values(jobs));
  return {
    workshops: { wa, wb, wc },
    artisans: { a1, a2, a3, b1, b2, c1 },
    orders: { o1, o2, o3, o4, o5, o6, o7, o8, o9 },
    jobs,
  };
}

export type HandNetwork = Awaited<ReturnType<typeof seedHandNetwork>>;

/**
 * For a test file on this network: its database connected for the file and, before each test,
 * cleared, every kept read model dropped and the network seeded afresh. Returns the running
 * test's network (a test's own further set-up goes in a `beforeEach` after this call).
 */
export function seedHandNetworkForEachTest(): () => HandNetwork {
  let network: HandNetwork | undefined;
  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    clearReadModelCaches();
    network = await seedHandNetwork();
  });
  return () => {
    if (!network) throw new Error('the hand network is seeded before each test, not at collection time');
    return network;
  };
}
