import { type Types } from 'mongoose';

import { type Language } from '#server/domain/languages';
import { Artisan, Job, Payment, Product, ProductCollection, User, Workshop } from '#server/models/index';

import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeCollection, makeProduct, makeWorkshop } from '../../factories/network';

/** What the USSD tests dial in with, in the week of 2026-W10 (the jobs' planned week). */
export const USSD_NOW = new Date('2026-03-04T09:00:00Z');

export const NUMBERS = {
  maker: '+254712000001',
  neighbour: '+254712000002',
  noAccount: '+254712000003',
  workshopLine: '+254720000009',
};

/**
 * A workshop of three artisans: a maker (English) with two offers open to the workshop, work in
 * hand and pay in every state; a neighbour (Kiswahili) in the same workshop; one artisan without
 * an account. The workshop's own line is no artisan's number.
 */
export async function createUssdNetwork() {
  const workshop = await Workshop.create(makeWorkshop({ phone: NUMBERS.workshopLine }));
  const collection = await ProductCollection.create(makeCollection());
  const product = await Product.create(makeProduct({ collectionRef: collection._id, name: 'Jua Hoops' }));
  const [maker, neighbour] = await Artisan.create([
    makeArtisan({ workshop: workshop._id, phone: NUMBERS.maker, name: 'Achieng Otieno' }),
    makeArtisan({ workshop: workshop._id, phone: NUMBERS.neighbour, name: 'Wanjiru Mwangi' }),
    makeArtisan({ workshop: workshop._id, phone: NUMBERS.noAccount }),
  ]);
  const account = (artisan: { _id: Types.ObjectId; name: string }, language: Language) =>
    User.create({
      email: `artisan-${String(artisan._id)}@test.kiwanda`,
      name: artisan.name,
      role: 'artisan',
      artisan: artisan._id,
      language,
      passwordHash: 'not-used-by-ussd',
    });
  await account(maker, 'en');
  await account(neighbour, 'sw');

  const job = (overrides: Parameters<typeof makeJob>[0]) =>
    makeJob({ product: product._id, pieceRateCents: 50_000, ...overrides });
  const mine = { workshop: workshop._id, artisan: maker._id };
  const [firstOffer, secondOffer, inHand, waiting, passed, paid] = await Job.create([
    job({ workshop: workshop._id, quantity: 12, dueDate: new Date('2026-03-06T14:00:00Z') }),
    job({ workshop: workshop._id, quantity: 6, dueDate: new Date('2026-03-07T14:00:00Z') }),
    job({ ...mine, status: 'in_progress', quantity: 4, madeQuantity: 1 }),
    job({ ...mine, status: 'ready_for_qc', quantity: 3 }),
    job({ ...mine, status: 'passed', quantity: 2, passedQuantity: 2, passedAt: new Date('2026-03-03T10:00:00Z') }),
    job({ ...mine, status: 'paid', quantity: 5, passedQuantity: 5 }),
  ]);
  const payee = { kind: 'artisan' as const, artisan: maker._id, workshop: workshop._id };
  await Payment.create({
    job: paid._id,
    payee,
    phone: NUMBERS.maker,
    quantity: 5,
    pieceRateCents: 50_000,
    amountCents: 250_000,
    week: '2026-W10',
    providerReference: 'TC4AB12XYZ',
    status: 'confirmed',
    paidAt: new Date('2026-03-02T12:00:00Z'),
  });
  return {
    workshop,
    maker,
    neighbour,
    jobs: { firstOffer, secondOffer, inHand, waiting, passed, paid },
  };
}
