import { Types } from 'mongoose';

import { type WeekLabel } from '#server/domain/weeks';
import { Artisan } from '#server/models/artisan';
import { Inspection } from '#server/models/inspection';
import { Job } from '#server/models/job';
import { Order } from '#server/models/order';
import { Payment } from '#server/models/payment';
import { Workshop } from '#server/models/workshop';

import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';

/**
 * A network small enough to compute the impact report by hand (see impact-report.test.ts):
 * Akinyi (woman, Kibera), Otieno (man, Mathare) and Chebet (woman, Mathare), one payout to the
 * Mathare workshop itself; every unit sells at KES 200 on one order line.
 */
export async function seedHandNetwork() {
  const [kibera, mathare] = await Workshop.create([
    makeWorkshop({ code: 'KIB-001', name: 'Tumaini Brass' }),
    makeWorkshop({ code: 'MAT-001', name: 'Mathare Horn', area: 'Mathare' }),
  ]);
  const [akinyi, otieno, chebet] = await Artisan.create([
    makeArtisan({ workshop: kibera._id, gender: 'female', name: 'Akinyi Odhiambo' }),
    makeArtisan({ workshop: mathare._id, gender: 'male', name: 'Otieno Ouma' }),
    makeArtisan({ workshop: mathare._id, gender: 'female', name: 'Chebet Kiprop' }),
  ]);
  const lineId = new Types.ObjectId();
  const product = new Types.ObjectId();
  const order = (reference: string, source: 'web' | 'retail', shipBy: string, shippedAt: string) => ({
    reference,
    source,
    partner: source === 'retail' ? 'Anthropologie' : undefined,
    customer: { name: 'Buyer', country: 'US' },
    lines: [
      {
        _id: source === 'retail' ? lineId : new Types.ObjectId(),
        product,
        sku: 'JUA-01',
        quantity: 60,
        unitPriceCents: 20_000,
      },
    ],
    placedAt: new Date('2026-01-02T00:00:00Z'),
    shipBy: new Date(shipBy),
    status: 'shipped' as const,
    shippedAt: new Date(shippedAt),
  });
  const [retail] = await Order.create([
    order('ANT-1', 'retail', '2026-02-20T00:00:00Z', '2026-02-18T00:00:00Z'),
    order('WEB-1', 'web', '2026-02-22T00:00:00Z', '2026-02-25T00:00:00Z'),
  ]);

  // [artisan, workshop, labour minutes per unit, pay, week, passed, due, paid]
  type Work = [typeof akinyi | null, typeof kibera, number, number, WeekLabel, string, string, string];
  const works: Work[] = [
    [akinyi, kibera, 30, 100_000, '2026-W06', '2026-02-05T10:00Z', '2026-02-06T14:00Z', '2026-02-07T10:00Z'],
    [akinyi, kibera, 15, 50_000, '2026-W07', '2026-02-14T10:00Z', '2026-02-13T14:00Z', '2026-02-15T10:00Z'],
    [otieno, mathare, 120, 80_000, '2026-W06', '2026-02-12T10:00Z', '2026-02-13T14:00Z', '2026-02-15T10:00Z'],
    [chebet, mathare, 60, 40_000, '2026-W07', '2026-02-12T10:00Z', '2026-02-13T14:00Z', '2026-02-16T10:00Z'],
    [null, mathare, 60, 20_000, '2026-W08', '2026-02-19T10:00Z', '2026-02-20T14:00Z', '2026-02-20T10:00Z'],
    // January (the previous period) and May 2025 (inside the 52 weeks and 12 months only).
    [akinyi, kibera, 30, 60_000, '2026-W02', '2026-01-12T10:00Z', '2026-01-13T14:00Z', '2026-01-15T10:00Z'],
    [otieno, mathare, 60, 30_000, '2025-W20', '2025-05-12T10:00Z', '2025-05-13T14:00Z', '2025-05-15T10:00Z'],
  ];
  const jobs = await Job.create(
    works.map(([artisan, workshop, minutes, , week, passed, due]) =>
      makeJob({
        order: retail._id,
        orderLine: lineId,
        product,
        workshop: workshop._id,
        artisan: artisan?._id,
        labourMinutesPerUnit: minutes,
        status: 'paid',
        plannedWeek: week,
        passedAt: new Date(passed),
        dueDate: new Date(due),
      }),
    ),
  );
  const payment = (index: number, status: 'confirmed' | 'failed' = 'confirmed', paidAt?: string) => {
    const [artisan, workshop, , amountCents, week, , , paid] = works[index];
    return {
      job: jobs[index]._id,
      payee: artisan
        ? { kind: 'artisan' as const, artisan: artisan._id, workshop: workshop._id }
        : { kind: 'workshop' as const, workshop: workshop._id },
      phone: '+254711000000',
      quantity: 10,
      pieceRateCents: amountCents / 10,
      amountCents,
      week,
      status,
      providerReference: `QK${index}ABCDEF`,
      paidAt: new Date(paidAt ?? paid),
    };
  };
  await Payment.create(works.map((_, index) => payment(index)));
  // A refused payout and one dated in March count for nothing in February.
  const [refused, march] = await Job.create([
    makeJob({ workshop: kibera._id, artisan: akinyi._id, status: 'paid', orderLine: lineId }),
    makeJob({ workshop: kibera._id, artisan: akinyi._id, status: 'paid', orderLine: lineId }),
  ]);
  await Payment.create([
    { ...payment(0, 'failed'), job: refused._id },
    { ...payment(0, 'confirmed', '2026-03-02T10:00Z'), job: march._id },
  ]);

  const officer = new Types.ObjectId();
  const inspection = (index: number, passed: number, failed: number) => ({
    job: jobs[index]._id,
    workshop: works[index][1]._id,
    artisan: works[index][0]?._id,
    officer,
    passedQuantity: passed,
    failedQuantity: failed,
    defects: failed ? [{ reason: 'scratches' as const, quantity: failed }] : [],
    inspectedAt: new Date(works[index][5]),
  });
  await Inspection.create([inspection(0, 10, 0), inspection(1, 7, 3), inspection(2, 10, 0), inspection(3, 5, 5)]);
  return { kibera, mathare, akinyi, otieno, chebet };
}
