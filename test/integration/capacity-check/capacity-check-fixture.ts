import { type Types } from 'mongoose';

import { nairobiDate } from '#server/domain/weeks';
import { Artisan, Product, ProductCollection, Workshop } from '#server/models/index';
import { createOrder } from '#server/services/orders/create-order';

import { makeActor } from '../../factories/actors';
import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';

/**
 * Wednesday 4 March 2026, 12:30 in Nairobi: half of week 2026-W10's working time is left.
 * Horizon weeks end on Sundays: 8, 15 and 22 March.
 */
export const CHECK_NOW = new Date('2026-03-04T09:30:00Z');

/**
 * Brass casting, checkable by hand: KIB-501 has two 20 h casters (2,400 min a week, 1,200 left
 * this week), KIB-502 one 24 h caster and former (1,440, 720 left); MAT-503 carves horn.
 * Open orders, all 60-minute hoops: a normal one of 20 shipping Friday 13 March (only this week
 * ends before it: 1,200 of this week's 1,920 casting minutes) and a rush one of 30 shipping
 * Friday 20 March. So by Sunday 22 March casting has 1,920 + 3,840 + 3,840 − 3,000 = 6,600
 * minutes left: 110 one-hour cuffs.
 */
export interface CapacityCheckFixture {
  cuff: Types.ObjectId;
  bangle: Types.ObjectId;
  normalOrderReference: string;
}

export async function seedCapacityCheckFixture(): Promise<CapacityCheckFixture> {
  const planner = makeActor('planner');
  const [casting, castingForming, horn] = await Workshop.create([
    makeWorkshop({ code: 'KIB-501', skills: ['brass-casting'] }),
    makeWorkshop({ code: 'KIB-502', skills: ['brass-casting', 'brass-forming'] }),
    makeWorkshop({ code: 'MAT-503', area: 'Mathare', skills: ['horn-carving'] }),
  ]);
  await Artisan.create([
    makeArtisan({ workshop: casting._id, skills: ['brass-casting'], weeklyHours: 20, gender: 'female' }),
    makeArtisan({ workshop: casting._id, skills: ['brass-casting'], weeklyHours: 20, gender: 'male' }),
    makeArtisan({
      workshop: castingForming._id,
      skills: ['brass-casting', 'brass-forming'],
      weeklyHours: 24,
      gender: 'female',
    }),
    makeArtisan({ workshop: horn._id, skills: ['horn-carving'], weeklyHours: 20, gender: 'female' }),
  ]);
  const collection = await ProductCollection.create(makeCollection());
  const [hoops, cuff, bangle] = await Product.create([
    makeProduct({ collectionRef: collection._id, sku: 'JUA-01', labourMinutesPerUnit: 60, minimumLot: 1 }),
    makeProduct({
      collectionRef: collection._id,
      sku: 'JUA-CUFF',
      name: 'Jua cuff',
      labourMinutesPerUnit: 60,
      pieceRateCents: 120_000,
      minimumLot: 1,
    }),
    makeProduct({
      collectionRef: collection._id,
      sku: 'PEM-02',
      name: 'Pembe bangle',
      requiredSkill: 'horn-carving',
      labourMinutesPerUnit: 50,
      pieceRateCents: 90_000,
      minimumLot: 1,
    }),
  ]);
  const normal = await createOrder({
    actor: planner,
    source: 'web',
    customer: { name: 'Amina Otieno', country: 'KE' },
    lines: [{ productId: String(hoops._id), quantity: 20 }],
    shipBy: nairobiDate({ year: 2026, month: 3, day: 13 }),
    placedAt: CHECK_NOW,
  });
  await createOrder({
    actor: planner,
    source: 'retail',
    partner: 'Shopbop',
    customer: { name: 'Shopbop', country: 'US' },
    lines: [{ productId: String(hoops._id), quantity: 30 }],
    shipBy: nairobiDate({ year: 2026, month: 3, day: 20 }),
    priority: 'rush',
    placedAt: CHECK_NOW,
  });
  return { cuff: cuff._id, bangle: bangle._id, normalOrderReference: normal.reference };
}
