import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type PaymentStatus } from '../../../server/domain/payment-status';
import { Artisan } from '../../../server/models/artisan';
import { Job } from '../../../server/models/job';
import { Order } from '../../../server/models/order';
import { Payment, type PaymentDoc } from '../../../server/models/payment';
import { Workshop } from '../../../server/models/workshop';
import { readImpactReport } from '../../../server/services/impact/read-impact-report';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const period = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const inPeriod = new Date('2026-02-10T09:00:00Z');

describe('impact report', () => {
  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(clearDomainDatabase);

  it('adds up pay by artisan, gender and workshop, wage share, on-time rate and weeks of work', async () => {
    const [kibera, mathare] = await Workshop.create([
      makeWorkshop({ code: 'KIB-001' }),
      makeWorkshop({ code: 'MAT-001', area: 'Mathare' }),
    ]);
    const [akinyi, otieno, idle] = await Artisan.create([
      makeArtisan({ workshop: kibera._id, gender: 'female' }),
      makeArtisan({ workshop: mathare._id, gender: 'male' }),
      makeArtisan({ workshop: mathare._id, gender: 'female' }),
    ]);
    const jobs = await Job.create([
      makeJob({
        workshop: kibera._id,
        artisan: akinyi._id,
        status: 'paid',
        plannedWeek: '2026-W06',
        passedAt: new Date('2026-02-05T10:00:00Z'),
        dueDate: new Date('2026-02-06T14:00:00Z'),
      }),
      makeJob({
        workshop: kibera._id,
        artisan: akinyi._id,
        status: 'paid',
        plannedWeek: '2026-W07',
        passedAt: new Date('2026-02-14T10:00:00Z'),
        dueDate: new Date('2026-02-13T14:00:00Z'),
      }),
      makeJob({
        workshop: mathare._id,
        artisan: otieno._id,
        status: 'paid',
        plannedWeek: '2026-W07',
        passedAt: new Date('2026-02-12T10:00:00Z'),
        dueDate: new Date('2026-02-13T14:00:00Z'),
      }),
      makeJob({
        workshop: mathare._id,
        status: 'paid',
        plannedWeek: '2026-W08',
        passedAt: new Date('2026-02-19T10:00:00Z'),
        dueDate: new Date('2026-02-20T14:00:00Z'),
      }),
    ]);
    const pay = (
      index: number,
      amountCents: number,
      payee: PaymentDoc['payee'],
      status: PaymentStatus = 'confirmed',
      paidAt = inPeriod,
    ) => ({
      job: jobs[index]._id,
      payee,
      phone: '+254711000000',
      quantity: 10,
      pieceRateCents: amountCents / 10,
      amountCents,
      week: jobs[index].plannedWeek,
      status,
      paidAt,
    });
    await Payment.create([
      pay(0, 100_000, { kind: 'artisan', artisan: akinyi._id, workshop: kibera._id }),
      pay(1, 50_000, { kind: 'artisan', artisan: akinyi._id, workshop: kibera._id }),
      pay(2, 80_000, { kind: 'artisan', artisan: otieno._id, workshop: mathare._id }),
      pay(3, 20_000, { kind: 'workshop', workshop: mathare._id }),
    ]);
    // A refused payout and one outside the period count for nothing.
    const extra = await Job.create(makeJob({ workshop: kibera._id, artisan: akinyi._id, status: 'paid' }));
    const later = await Job.create(makeJob({ workshop: kibera._id, artisan: akinyi._id, status: 'paid' }));
    await Payment.create([
      { ...pay(0, 999_00, { kind: 'artisan', artisan: akinyi._id, workshop: kibera._id }, 'failed'), job: extra._id },
      {
        ...pay(
          0,
          999_00,
          { kind: 'artisan', artisan: akinyi._id, workshop: kibera._id },
          'confirmed',
          new Date('2026-05-01T00:00:00Z'),
        ),
        job: later._id,
      },
    ]);
    await Order.create({
      reference: 'ANT-PO-1',
      source: 'retail',
      partner: 'Anthropologie',
      customer: { name: 'Anthropologie buying team', country: 'US' },
      lines: [{ product: jobs[0].product, sku: 'JUA-01', quantity: 100, unitPriceCents: 10_000 }],
      placedAt: new Date('2026-01-20T00:00:00Z'),
      shipBy: new Date('2026-02-20T00:00:00Z'),
      status: 'shipped',
      shippedAt: new Date('2026-02-18T00:00:00Z'),
    });

    const report = await readImpactReport(period);
    expect(report.totals).toEqual({
      paidCents: 250_000,
      artisansPaid: 2,
      revenueCents: 1_000_000,
      wageShare: 0.25,
      jobsPassed: 4,
      onTimeRate: 0.75,
    });
    expect(report.byGender).toEqual([
      { gender: 'female', activeArtisans: 2, artisansPaid: 1, paidCents: 150_000, meanPerPaidArtisanCents: 150_000 },
      { gender: 'male', activeArtisans: 1, artisansPaid: 1, paidCents: 80_000, meanPerPaidArtisanCents: 80_000 },
      { gender: 'other', activeArtisans: 0, artisansPaid: 0, paidCents: 0, meanPerPaidArtisanCents: 0 },
    ]);
    expect(report.byWorkshop.map((row) => [row.code, row.artisansPaid, row.paidCents])).toEqual([
      ['KIB-001', 1, 150_000],
      ['MAT-001', 1, 100_000],
    ]);
    expect(report.perArtisan.map((row) => [row.artisanId, row.paidCents, row.weeksWithWork])).toEqual([
      [String(akinyi._id), 150_000, 2],
      [String(otieno._id), 80_000, 1],
    ]);
    expect(report.weeksWithWorkPerArtisan.histogram).toEqual([
      { weeks: 1, artisans: 1 },
      { weeks: 2, artisans: 1 },
    ]);
    expect(report.perArtisan.some((row) => row.artisanId === String(idle._id))).toBe(false);
  });

  it('names a backwards period', async () => {
    await expect(readImpactReport({ from: period.to, to: period.from })).rejects.toMatchObject({ field: 'to' });
  });
});
