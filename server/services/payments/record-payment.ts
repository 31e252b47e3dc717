import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ForbiddenError, IllegalTransitionError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { addPaymentToImpactPaidDays } from '../../impact/paid-days/add-payment-to-paid-days';
import { Artisan } from '../../models/artisan';
import { Job } from '../../models/job';
import { Payment, type PaymentDoc } from '../../models/payment';
import { Workshop } from '../../models/workshop';
import { recordAuditEvent } from '../audit/record-audit-event';
import { applyJobTransition } from '../jobs/apply-job-transition';
import { runInTransaction } from '../run-in-transaction';

const RecordPaymentInput = z.object({ jobId: objectIdString });

const PAYING_ROLES = ['manager', 'admin', 'planner', 'system'];

export interface RecordedPayment {
  payment: PaymentDoc;
  /** False when the job had been paid already: the existing payment is returned, nothing is added. */
  created: boolean;
}

/**
 * Pays a passed job: passed quantity × piece rate, to the artisan who made it (or to the workshop
 * when no single artisan took it). Exactly once per job: a retry, even a concurrent one, gets
 * the payment already made. The unique index on `payments.job` is the final guard.
 */
export async function recordPayment({ actor, ...input }: { jobId: string; actor: Actor }): Promise<RecordedPayment> {
  const { jobId } = validateInput(RecordPaymentInput, input);
  if (!PAYING_ROLES.includes(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot pay jobs`);
  try {
    return await runInTransaction(async (unit) => {
      const { session } = unit;
      const existing = await Payment.findOne({ job: new Types.ObjectId(jobId) }, null, { session, lean: true });
      if (existing) return { payment: existing, created: false };

      const job = await Job.findById(jobId, null, { session, lean: true });
      if (!job) throw new NotFoundError('job', jobId);
      if (job.status !== 'passed')
        throw new IllegalTransitionError({ entity: 'job', id: jobId, from: job.status, to: 'paid' });

      const payee = job.artisan
        ? await Artisan.findById(job.artisan, { phone: 1 }, { session, lean: true })
        : await Workshop.findById(job.workshop, { phone: 1 }, { session, lean: true });
      if (!payee) throw new NotFoundError(job.artisan ? 'artisan' : 'workshop', String(job.artisan ?? job.workshop));

      const paidAt = new Date();
      const [payment] = await Payment.create(
        [
          {
            job: job._id,
            payee: { kind: job.artisan ? 'artisan' : 'workshop', artisan: job.artisan, workshop: job.workshop },
            phone: payee.phone,
            quantity: job.passedQuantity,
            pieceRateCents: job.pieceRateCents,
            amountCents: job.passedQuantity * job.pieceRateCents,
            week: job.plannedWeek,
            provider: 'mpesa',
            status: 'pending',
            paidAt,
          },
        ],
        { session },
      );
      await applyJobTransition({ unit, job, to: 'paid', actor, at: paidAt });
      const after = payment.toObject();
      await addPaymentToImpactPaidDays({ session, payment: after, job });
      await recordAuditEvent({
        session,
        actor,
        entity: { kind: 'payment', id: payment._id },
        action: 'payment.recorded',
        after,
        at: paidAt,
      });
      unit.publishAfterCommit('payment:paid', {
        paymentId: String(payment._id),
        jobId,
        workshopId: String(job.workshop),
        artisanId: job.artisan ? String(job.artisan) : null,
        amountCents: payment.amountCents,
      });
      return { payment: after, created: true };
    });
  } catch (error) {
    // A concurrent call committed the payment first (the unique index refused ours, or the job
    // moved to paid under us): answer with that payment, as a retry would get it.
    const payment = await Payment.findOne({ job: new Types.ObjectId(jobId) }).lean();
    if (!payment) throw error;
    return { payment, created: false };
  }
}
