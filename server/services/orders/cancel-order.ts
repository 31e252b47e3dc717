import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { DomainError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { ENDED_WITHOUT_WORK_STATUSES, NOT_STARTED_JOB_STATUSES } from '../../domain/job-status';
import { ORDER_TRANSITIONS } from '../../domain/order-status';
import { validateInput } from '../../domain/validate-input';
import { Job } from '../../models/job';
import { Order, type OrderDoc } from '../../models/order';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueStatusWebhook } from '../channels/enqueue-status-webhook';
import { applyJobTransition } from '../jobs/apply-job-transition';
import { runInTransaction } from '../run-in-transaction';

const CancelOrderInput = z.object({
  orderId: objectIdString,
  reason: z.string().trim().min(3, 'say why the order is cancelled').max(500),
});

const CANCELLING_ROLES = ['planner', 'manager', 'admin', 'system'];

/**
 * Cancels an order and the jobs made for it that nobody has started. Once an artisan has begun
 * work on it the order can no longer be cancelled here: their work is owed.
 */
export async function cancelOrder({
  actor,
  ...input
}: z.input<typeof CancelOrderInput> & { actor: Actor }): Promise<{ order: OrderDoc; cancelledJobs: number }> {
  const { orderId, reason } = validateInput(CancelOrderInput, input);
  if (!CANCELLING_ROLES.includes(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot cancel orders`);

  return runInTransaction(async (unit) => {
    const { session } = unit;
    const order = await Order.findById(orderId, null, { session, lean: true });
    if (!order) throw new NotFoundError('order', orderId);
    if (!ORDER_TRANSITIONS[order.status].includes('cancelled')) {
      throw new DomainError(`order ${order.reference} is ${order.status} and cannot be cancelled`);
    }
    const jobs = await Job.find({ order: order._id, status: { $nin: ENDED_WITHOUT_WORK_STATUSES } }, null, {
      session,
      lean: true,
    });
    const started = jobs.filter((job) => !NOT_STARTED_JOB_STATUSES.includes(job.status));
    if (started.length > 0) {
      throw new DomainError(
        `order ${order.reference} cannot be cancelled: ${started.length} of its jobs are already being made or done`,
      );
    }

    const at = new Date();
    for (const job of jobs) await applyJobTransition({ unit, job, to: 'cancelled', actor, note: reason, at });
    const updated = await Order.findOneAndUpdate(
      { _id: order._id, status: order.status },
      { $set: { status: 'cancelled', cancelledAt: at, cancelReason: reason } },
      { session, returnDocument: 'after', lean: true },
    );
    if (!updated) throw new DomainError(`order ${order.reference} changed while it was being cancelled; try again`);
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'order', id: order._id },
      action: 'order.cancelled',
      before: { status: order.status },
      after: { status: 'cancelled', cancelReason: reason, cancelledJobs: jobs.length },
      at,
    });
    await enqueueStatusWebhook({ session, order: updated, type: 'order.cancelled', at });
    unit.publishAfterCommit('order:cancelled', { orderId, cancelledJobs: jobs.length });
    if (jobs.length > 0) {
      unit.publishAfterCommit('capacity:changed', {
        workshopIds: [...new Set(jobs.map((job) => String(job.workshop)))],
        weeks: [...new Set(jobs.map((job) => job.plannedWeek))].sort(),
      });
    }
    return { order: updated, cancelledJobs: jobs.length };
  });
}
