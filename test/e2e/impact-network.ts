import { Types } from 'mongoose';

import { isoWeekLabel } from '#server/domain/weeks';
import { Artisan } from '#server/models/artisan';
import { Inspection } from '#server/models/inspection';
import { Job } from '#server/models/job';
import { Order } from '#server/models/order';
import { Payment } from '#server/models/payment';
import { Workshop } from '#server/models/workshop';

import { makeJob } from '../factories/jobs';
import { makeArtisan, makeWorkshop } from '../factories/network';
import { clearDomainDatabase } from '../support/domain-database';

const DAY_MS = 86_400_000;

/**
 * A small network with a year of paid work for the impact report's browser test: six women and
 * one man in Kibera (enough to be shown on the public page), two women in Mathare (too few to be
 * shown on their own). Each artisan is paid for 10 units every four weeks over the twelve months
 * before `now`; every unit sells at KES 1,200.
 */
export async function seedImpactNetwork({ now }: { now: Date }) {
  // The network replaces whatever the worker's database holds: another file's artisans would
  // collide on phone numbers and change the figures.
  await clearDomainDatabase();
  const [kibera, mathare] = await Workshop.create([
    makeWorkshop({ code: 'KIB-101', name: 'Tumaini Brass' }),
    makeWorkshop({ code: 'MAT-101', name: 'Mathare Horn', area: 'Mathare' }),
  ]);
  const people: [string, 'female' | 'male', typeof kibera][] = [
    ['Akinyi Odhiambo', 'female', kibera],
    ['Wanjiru Mwangi', 'female', kibera],
    ['Njeri Kamau', 'female', kibera],
    ['Atieno Otieno', 'female', kibera],
    ['Muthoni Njoroge', 'female', kibera],
    ['Nafula Wekesa', 'female', kibera],
    ['Otieno Ouma', 'male', kibera],
    ['Chebet Kiprop', 'female', mathare],
    ['Wambui Githinji', 'female', mathare],
  ];
  const artisans = await Artisan.create(
    people.map(([name, gender, workshop]) => makeArtisan({ name, gender, workshop: workshop._id })),
  );
  const lineId = new Types.ObjectId();
  const product = new Types.ObjectId();
  const lastMonth = new Date(now.getTime() - 20 * DAY_MS);
  const order = (reference: string, source: 'web' | 'retail', shipBy: Date, shippedAt: Date) => ({
    reference,
    source,
    partner: source === 'retail' ? 'Anthropologie' : undefined,
    customer: { name: 'Buyer', country: 'US' },
    lines: [
      {
        _id: source === 'retail' ? lineId : new Types.ObjectId(),
        product,
        sku: 'JUA-01',
        quantity: 900,
        unitPriceCents: 120_000,
      },
    ],
    placedAt: new Date(now.getTime() - 380 * DAY_MS),
    shipBy,
    status: 'shipped' as const,
    shippedAt,
  });
  const [retail] = await Order.create([
    order('ANT-101', 'retail', lastMonth, new Date(lastMonth.getTime() - DAY_MS)),
    order('WEB-101', 'web', lastMonth, new Date(lastMonth.getTime() + DAY_MS)),
  ]);

  const jobs = [];
  const payments = [];
  const inspections = [];
  for (const [index, artisan] of artisans.entries()) {
    // Piece rates from KES 220 to KES 380 a unit, 90 minutes of labour each.
    const pieceRateCents = 22_000 + (index % 5) * 4_000;
    for (let round = 0; round < 13; round++) {
      const paidAt = new Date(now.getTime() - (5 + index + round * 28) * DAY_MS);
      const passedAt = new Date(paidAt.getTime() - (2 + (index % 3)) * DAY_MS);
      const job = makeJob({
        order: retail._id,
        orderLine: lineId,
        product,
        workshop: artisan.workshop,
        artisan: artisan._id,
        status: 'paid',
        quantity: 10,
        passedQuantity: 10,
        pieceRateCents,
        labourMinutesPerUnit: 90,
        plannedWeek: isoWeekLabel(new Date(passedAt.getTime() - 4 * DAY_MS)),
        dueDate: new Date(passedAt.getTime() + (round % 4 === 0 ? -DAY_MS : DAY_MS)),
        passedAt,
      });
      jobs.push(job);
      inspections.push({
        job: job._id,
        workshop: artisan.workshop,
        artisan: artisan._id,
        officer: new Types.ObjectId(),
        passedQuantity: 10,
        failedQuantity: round % 6 === 0 ? 2 : 0,
        defects: round % 6 === 0 ? [{ reason: 'scratches' as const, quantity: 2 }] : [],
        inspectedAt: passedAt,
      });
      payments.push({
        job: job._id,
        payee: { kind: 'artisan' as const, artisan: artisan._id, workshop: artisan.workshop },
        phone: artisan.phone,
        quantity: 10,
        pieceRateCents,
        amountCents: 10 * pieceRateCents,
        week: job.plannedWeek,
        status: 'confirmed' as const,
        providerReference: `QK${index}R${round}XYZ`,
        paidAt,
      });
    }
  }
  await Job.create(jobs);
  await Inspection.create(inspections);
  await Payment.create(payments);
  return { kibera, mathare, artisans };
}
