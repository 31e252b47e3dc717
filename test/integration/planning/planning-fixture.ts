import { type Types } from 'mongoose';

import { type Actor } from '#server/domain/actor';
import { isoWeekLabel, shiftWeekLabel, type WeekLabel } from '#server/domain/weeks';
import { workingTimeEnd } from '#server/domain/working-time';
import { Artisan, Job, Order, Plan, Product, ProductCollection, Workshop } from '#server/models/index';
import { createOrder } from '#server/services/orders/create-order';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';

/**
 * Wednesday 4 March 2026, 12:30 in Nairobi: exactly half of week 2026-W10's working time (Monday
 * to Friday, 08:00–17:00) is left, and 2026-W10 to W12 have no fixed public holiday.
 */
export const PLANNING_NOW = new Date('2026-03-04T09:30:00Z');

/**
 * A small network in the Nairobi weeks of `now`, small enough to check by hand:
 * - brass (casting + forming): Wanjiku 25 h (casting, forming), Achieng 20 h (casting), a paused 30 h
 *   artisan; 40 casting units × 60 min already offered in week 0, a declined job that holds nothing.
 * - horn (horn carving, wood turning listed but nobody turns wood): one 20 h horn carver.
 * - a closed workshop, and an open one whose only artisan has left: neither can take work.
 * Orders: a normal one (brass hoops, horn bangles), a rush one partly covered by a live job,
 * a cancelled one (not demand).
 */
export interface PlanningFixture {
  planner: Actor;
  weeks: WeekLabel[];
  brass: Types.ObjectId;
  horn: Types.ObjectId;
  closed: Types.ObjectId;
  empty: Types.ObjectId;
  hoops: Types.ObjectId;
  bangles: Types.ObjectId;
  normalOrder: Types.ObjectId;
  rushOrder: Types.ObjectId;
  cancelledOrder: Types.ObjectId;
  /** Fridays 17:00 of the horizon weeks (the end of their working time), for ship-by dates. */
  shipBy: (weekIndex: number) => Date;
}

export async function seedPlanningFixture({ now = new Date() }: { now?: Date } = {}): Promise<PlanningFixture> {
  const planner = makeActor('planner');
  const week0 = isoWeekLabel(now);
  const weeks = [0, 1, 2].map((offset) => shiftWeekLabel(week0, offset));
  const shipBy = (weekIndex: number) => workingTimeEnd({ week: shiftWeekLabel(week0, weekIndex) }) as Date;

  const [brass, horn, closed, empty] = await Workshop.create([
    makeWorkshop({ code: 'KIB-101', name: 'Jua Brass', skills: ['brass-casting', 'brass-forming'] }),
    makeWorkshop({ code: 'MAT-202', name: 'Pembe Horn', area: 'Mathare', skills: ['horn-carving', 'wood-turning'] }),
    makeWorkshop({ code: 'KIB-303', name: 'Closed Brass', active: false }),
    makeWorkshop({ code: 'KIB-404', name: 'Empty Brass' }),
  ]);
  await Artisan.create([
    makeArtisan({ workshop: brass._id, skills: ['brass-casting', 'brass-forming'], weeklyHours: 25 }),
    makeArtisan({ workshop: brass._id, skills: ['brass-casting'], weeklyHours: 20 }),
    makeArtisan({ workshop: brass._id, skills: ['brass-casting'], weeklyHours: 30, status: 'paused' }),
    makeArtisan({ workshop: horn._id, skills: ['horn-carving'], weeklyHours: 20 }),
    makeArtisan({ workshop: closed._id, skills: ['brass-casting'], weeklyHours: 40 }),
    makeArtisan({ workshop: empty._id, skills: ['brass-casting'], weeklyHours: 40, status: 'left' }),
  ]);
  const collection = await ProductCollection.create(makeCollection());
  const [hoops, bangles] = await Product.create([
    makeProduct({
      collectionRef: collection._id,
      sku: 'JUA-01',
      requiredSkill: 'brass-casting',
      labourMinutesPerUnit: 60,
      pieceRateCents: 100_000,
      minimumLot: 6,
    }),
    makeProduct({
      collectionRef: collection._id,
      sku: 'PEM-01',
      requiredSkill: 'horn-carving',
      labourMinutesPerUnit: 50,
      pieceRateCents: 90_000,
      minimumLot: 4,
    }),
  ]);

  const normalOrder = await createOrder({
    actor: planner,
    source: 'web',
    customer: { name: 'Amina Otieno', country: 'KE' },
    lines: [
      { productId: String(hoops._id), quantity: 30 },
      { productId: String(bangles._id), quantity: 12 },
    ],
    shipBy: shipBy(2),
    placedAt: now,
  });
  const rushOrder = await createOrder({
    actor: planner,
    source: 'retail',
    partner: 'Shopbop',
    customer: { name: 'Shopbop', country: 'US' },
    lines: [{ productId: String(hoops._id), quantity: 20 }],
    shipBy: shipBy(1),
    priority: 'rush',
    placedAt: now,
  });
  const cancelledOrder = await createOrder({
    actor: planner,
    source: 'web',
    customer: { name: 'Cancelled Customer', country: 'KE' },
    lines: [{ productId: String(hoops._id), quantity: 9 }],
    shipBy: shipBy(2),
    placedAt: now,
  });
  await Order.updateOne(
    { _id: cancelledOrder._id },
    { $set: { status: 'cancelled', cancelledAt: new Date(), cancelReason: 'customer changed mind' } },
  );

  const rushLine = rushOrder.lines[0];
  await Job.create([
    // Work from earlier plans (of other orders) filling most of the brass workshop's casting week.
    makeJob({
      workshop: brass._id,
      plannedWeek: weeks[0],
      status: 'offered',
      skill: 'brass-casting',
      quantity: 40,
      labourMinutesPerUnit: 60,
    }),
    makeJob({
      workshop: brass._id,
      plannedWeek: weeks[0],
      status: 'declined',
      skill: 'brass-casting',
      quantity: 50,
      labourMinutesPerUnit: 60,
    }),
    // 8 of the rush order's 20 hoops are already being made.
    makeJob({
      workshop: brass._id,
      order: rushOrder._id,
      orderLine: rushLine._id,
      product: hoops._id,
      plannedWeek: weeks[0],
      status: 'in_progress',
      quantity: 8,
      labourMinutesPerUnit: 60,
    }),
  ]);
  await Order.updateOne({ _id: rushOrder._id }, { $set: { status: 'in_production' } });

  return {
    planner,
    weeks,
    brass: brass._id,
    horn: horn._id,
    closed: closed._id,
    empty: empty._id,
    hoops: hoops._id,
    bangles: bangles._id,
    normalOrder: normalOrder._id,
    rushOrder: rushOrder._id,
    cancelledOrder: cancelledOrder._id,
    shipBy,
  };
}

/** A committed plan from before, as the demo network has one. */
export async function seedCommittedPlan({ weeks }: { weeks: WeekLabel[] }): Promise<Types.ObjectId> {
  const plan = await Plan.create({
    inputs: {
      dataVersion: 'earlier',
      startWeek: weeks[0],
      weeks: weeks.length,
      orders: [],
      workshopCount: 0,
      demandUnits: 0,
    },
    status: 'committed',
    committedAt: new Date(Date.now() - 86_400_000),
  });
  return plan._id;
}
