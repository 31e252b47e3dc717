import { type ClientSession } from 'mongoose';

import { CAPACITY_HOLDING_STATUSES } from '../../domain/job-status';
import { type LineProgress } from '../../domain/order-readiness';
import { Job } from '../../models/job';
import { type OrderDoc } from '../../models/order';

/** How far each line of an order has come at QC, read inside the caller's transaction. */
export async function readLineProgress({
  order,
  session,
}: {
  order: Pick<OrderDoc, '_id' | 'lines'>;
  session: ClientSession;
}): Promise<LineProgress[]> {
  const jobs = await Job.find(
    { order: order._id, status: { $in: CAPACITY_HOLDING_STATUSES } },
    { orderLine: 1, passedQuantity: 1 },
    { session, lean: true },
  );
  return order.lines.map((line) => ({
    quantity: line.quantity,
    passedUnits: jobs.filter((job) => job.orderLine.equals(line._id)).reduce((sum, job) => sum + job.passedQuantity, 0),
  }));
}
