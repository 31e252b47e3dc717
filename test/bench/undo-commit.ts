import mongoose from 'mongoose';

import { OPEN_ORDER_STATUSES } from '#server/domain/order-status';
import { AuditEvent, Job, Order, Plan } from '#server/models/index';

/** The statuses a commit may change, noted before it so that undoCommit can put them back. */
export interface StatusesBeforeCommit {
  orderStatuses: Map<string, string>;
  planStatuses: Map<string, string>;
}

export async function noteStatusesBeforeCommit(): Promise<StatusesBeforeCommit> {
  const orders = await Order.find({ status: { $in: OPEN_ORDER_STATUSES } }, { status: 1 }).lean();
  const plans = await Plan.find({}, { status: 1 }).lean();
  return {
    orderStatuses: new Map(orders.map((order) => [String(order._id), order.status as string])),
    planStatuses: new Map(plans.map((plan) => [String(plan._id), plan.status as string])),
  };
}

/** Puts the network back as it was before a commit, so every run plans the same open demand. */
export async function undoCommit({
  planId,
  orderStatuses,
  planStatuses,
}: StatusesBeforeCommit & { planId: string }): Promise<void> {
  const jobs = await Job.find({ plan: planId }, { _id: 1 }).lean();
  const jobIds = jobs.map((job) => job._id);
  await Job.deleteMany({ plan: planId });
  await AuditEvent.deleteMany({
    'entity.id': {
      $in: [
        ...jobIds,
        ...[...orderStatuses.keys(), ...planStatuses.keys()].map((id) => new mongoose.Types.ObjectId(id)),
      ],
    },
  });
  for (const [id, status] of orderStatuses)
    await Order.collection.updateOne({ _id: new mongoose.Types.ObjectId(id) }, { $set: { status } });
  for (const [id, status] of planStatuses)
    await Plan.collection.updateOne(
      { _id: new mongoose.Types.ObjectId(id) },
      { $set: { status }, $unset: { supersededBy: '', committedAt: '' } },
    );
}
