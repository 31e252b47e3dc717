import { type Actor } from '../../domain/actor';
import { type JobStatus, STARTED_JOB_STATUSES } from '../../domain/job-status';
import { allUnitsPassed } from '../../domain/order-readiness';
import { ORDER_STATUSES, ORDER_TRANSITIONS } from '../../domain/order-status';
import { type JobDoc } from '../../models/job';
import { Order } from '../../models/order';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueStatusWebhook } from '../channels/enqueue-status-webhook';
import { type UnitOfWork } from '../run-in-transaction';
import { readLineProgress } from './read-line-progress';

/** Statuses an order may go into production from (open or planned). */
const BEFORE_PRODUCTION = ORDER_STATUSES.filter((status) => ORDER_TRANSITIONS[status].includes('in_production'));

/**
 * What a job's move means for its order, inside the same transaction as the move: the first job
 * started puts the order in production; the last unit passing QC makes it ready to ship. Each
 * tells the order's channel by a status webhook, queued at most once per order and type.
 */
export async function followOrderProgress({
  unit,
  job,
  to,
  actor,
  at,
}: {
  unit: UnitOfWork;
  job: Pick<JobDoc, 'order'>;
  to: JobStatus;
  actor: Actor;
  at: Date;
}): Promise<void> {
  if (STARTED_JOB_STATUSES.includes(to)) await startProduction({ unit, orderId: job.order, actor, at });
  if (to === 'passed') await reportReadyToShip({ unit, orderId: job.order, at });
}

async function startProduction({
  unit,
  orderId,
  actor,
  at,
}: {
  unit: UnitOfWork;
  orderId: JobDoc['order'];
  actor: Actor;
  at: Date;
}): Promise<void> {
  const { session } = unit;
  const before = await Order.findOneAndUpdate(
    { _id: orderId, status: { $in: BEFORE_PRODUCTION } },
    { $set: { status: 'in_production' } },
    { session, lean: true, returnDocument: 'before' },
  );
  // Already in production (or cancelled, shipped): a later job starting changes nothing.
  if (!before) return;
  await recordAuditEvent({
    session,
    actor,
    entity: { kind: 'order', id: orderId },
    action: 'order.in_production',
    before: { status: before.status },
    after: { status: 'in_production' },
    at,
  });
  await enqueueStatusWebhook({
    session,
    order: { ...before, status: 'in_production' },
    type: 'order.in_production',
    at,
  });
  unit.publishAfterCommit('order:status', { orderId: String(orderId), from: before.status, to: 'in_production' });
}

async function reportReadyToShip({
  unit,
  orderId,
  at,
}: {
  unit: UnitOfWork;
  orderId: JobDoc['order'];
  at: Date;
}): Promise<void> {
  const { session } = unit;
  const order = await Order.findById(
    orderId,
    { lines: 1, status: 1, channel: 1, externalRef: 1 },
    { session, lean: true },
  );
  if (order?.status !== 'in_production') return;
  if (!allUnitsPassed(await readLineProgress({ order, session }))) return;
  await enqueueStatusWebhook({ session, order, type: 'order.ready_to_ship', at });
}
