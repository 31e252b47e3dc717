import { type Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { IllegalTransitionError } from '#server/domain/errors';
import { domainEvents } from '#server/domain-events';
import { Artisan } from '#server/models/artisan';
import { Job } from '#server/models/job';
import { Payment } from '#server/models/payment';
import { Workshop } from '#server/models/workshop';
import { recordInspection } from '#server/services/inspections/record-inspection';
import { transitionJob } from '#server/services/jobs/transition-job';
import { recordPayment } from '#server/services/payments/record-payment';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const manager = makeActor('manager');
const officer = makeActor('field_officer');

describe('paying for passed work', () => {
  let workshopId: Types.ObjectId;
  let artisanId: Types.ObjectId;
  let artisanPhone: string;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    const workshop = await Workshop.create(makeWorkshop());
    const artisan = await Artisan.create(makeArtisan({ workshop: workshop._id }));
    workshopId = workshop._id;
    artisanId = artisan._id;
    artisanPhone = artisan.phone;
  });

  // Repeated: concurrency bugs show up in some interleavings only.
  it.each([1, 2, 3, 4, 5])(
    'pays passed quantity × piece rate once, even to many concurrent retries (round %i)',
    async () => {
      const job = await Job.create(
        makeJob({
          workshop: workshopId,
          artisan: artisanId,
          status: 'passed',
          quantity: 12,
          passedQuantity: 11,
          pieceRateCents: 87_50,
        }),
      );
      const published: string[] = [];
      const stop = domainEvents.subscribe('payment:paid', (event) => published.push(event.paymentId));
      let results;
      try {
        results = await Promise.all(
          Array.from({ length: 8 }, () => recordPayment({ jobId: String(job._id), actor: manager })),
        );
      } finally {
        stop();
      }

      const payments = await Payment.find({ job: job._id }).lean();
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({
        amountCents: 11 * 87_50,
        quantity: 11,
        pieceRateCents: 87_50,
        phone: artisanPhone,
        status: 'pending',
        payee: { kind: 'artisan', artisan: artisanId, workshop: workshopId },
      });
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => String(result.payment._id)))).toEqual(new Set([String(payments[0]._id)]));
      expect(published).toEqual([String(payments[0]._id)]);
      const paidJob = await Job.findById(job._id).lean();
      expect(paidJob?.status).toBe('paid');
      expect(paidJob?.statusHistory.filter((change) => change.to === 'paid')).toHaveLength(1);
    },
  );

  it('answers a later retry with the payment already made', async () => {
    const job = await Job.create(makeJob({ workshop: workshopId, artisan: artisanId, status: 'passed' }));
    const first = await recordPayment({ jobId: String(job._id), actor: manager });
    const again = await recordPayment({ jobId: String(job._id), actor: manager });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false });
    expect(String(again.payment._id)).toBe(String(first.payment._id));
    expect(await Payment.countDocuments()).toBe(1);
  });

  it('pays the workshop when no single artisan took the job', async () => {
    const job = await Job.create(makeJob({ workshop: workshopId, status: 'passed', quantity: 5, passedQuantity: 5 }));
    const { payment } = await recordPayment({ jobId: String(job._id), actor: manager });
    const workshop = await Workshop.findById(workshopId).lean();
    expect(payment.payee).toMatchObject({ kind: 'workshop', workshop: workshopId });
    expect(payment.phone).toBe(workshop?.phone);
  });

  it('refuses to pay work that has not passed QC, and writes nothing', async () => {
    const job = await Job.create(makeJob({ workshop: workshopId, artisan: artisanId, status: 'ready_for_qc' }));
    await expect(recordPayment({ jobId: String(job._id), actor: manager })).rejects.toBeInstanceOf(
      IllegalTransitionError,
    );
    expect(await Payment.countDocuments()).toBe(0);
    expect((await Job.findById(job._id).lean())?.status).toBe('ready_for_qc');
  });

  it('refuses roles that do not pay', async () => {
    const job = await Job.create(makeJob({ workshop: workshopId, artisan: artisanId, status: 'passed' }));
    await expect(recordPayment({ jobId: String(job._id), actor: makeActor('designer') })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
  });

  it('pays only what passed after a failed inspection, rework and a second inspection', async () => {
    const job = await Job.create(
      makeJob({ workshop: workshopId, artisan: artisanId, status: 'ready_for_qc', quantity: 20 }),
    );
    const jobId = String(job._id);
    await recordInspection({
      jobId,
      actor: officer,
      passedQuantity: 17,
      failedQuantity: 3,
      defects: [{ reason: 'casting-porosity', quantity: 3 }],
    });
    expect((await Job.findById(job._id).lean())?.status).toBe('failed');
    await expect(recordPayment({ jobId, actor: manager })).rejects.toThrow(/cannot go from failed to paid/);

    await transitionJob({ jobId, to: 'in_progress', actor: officer });
    await transitionJob({ jobId, to: 'ready_for_qc', actor: manager });
    await expect(
      recordInspection({ jobId, actor: officer, passedQuantity: 20, failedQuantity: 0 }),
    ).rejects.toMatchObject({
      field: 'passedQuantity',
    });
    await recordInspection({ jobId, actor: officer, passedQuantity: 3, failedQuantity: 0 });
    const { payment } = await recordPayment({ jobId, actor: manager });
    expect(payment.amountCents).toBe(20 * job.pieceRateCents);
  });

  it('checks that defect quantities add up to the failed units', async () => {
    const job = await Job.create(
      makeJob({ workshop: workshopId, artisan: artisanId, status: 'ready_for_qc', quantity: 10 }),
    );
    await expect(
      recordInspection({
        jobId: String(job._id),
        actor: officer,
        passedQuantity: 8,
        failedQuantity: 2,
        defects: [{ reason: 'scratches', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'defects' });
  });
});
