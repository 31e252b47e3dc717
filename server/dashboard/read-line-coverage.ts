import { Types } from 'mongoose';

import { CAPACITY_HOLDING_STATUSES, type JobStatus, UNFINISHED_JOB_STATUSES } from '../domain/job-status';
import { Job } from '../models/job';
import { cachedBatchReadModel } from './read-model-cache';

export interface LineCoverage {
  /** Units jobs hold (declined and cancelled jobs hold none). */
  covered: number;
  /** Units in jobs that are not made yet. */
  unfinished: number;
}

/** Coverage of every line of each order (lines without jobs are absent). */
async function computeCoverage(orderIds: string[]): Promise<Map<string, Map<string, LineCoverage>>> {
  const rows = await Job.aggregate<{
    _id: { order: Types.ObjectId; line: Types.ObjectId; status: JobStatus };
    quantity: number;
    passed: number;
  }>([
    { $match: { order: { $in: orderIds.map((id) => new Types.ObjectId(id)) } } },
    {
      $group: {
        _id: { order: '$order', line: '$orderLine', status: '$status' },
        quantity: { $sum: '$quantity' },
        passed: { $sum: '$passedQuantity' },
      },
    },
  ]);
  const byOrder = new Map<string, Map<string, LineCoverage>>(orderIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    const lines = byOrder.get(String(row._id.order));
    if (!lines) continue;
    const key = String(row._id.line);
    const line = lines.get(key) ?? { covered: 0, unfinished: 0 };
    if (CAPACITY_HOLDING_STATUSES.includes(row._id.status)) line.covered += row.quantity;
    if (UNFINISHED_JOB_STATUSES.includes(row._id.status)) line.unfinished += row.quantity - row.passed;
    lines.set(key, line);
  }
  return byOrder;
}

/**
 * What jobs hold of each order line, kept per order: a job moving drops only its order's
 * figures, so after one change the overview reads one order's jobs, not every open order's.
 */
export const readLineCoverage = cachedBatchReadModel<Map<string, LineCoverage>>({
  name: 'line-coverage',
  invalidatedBy: {
    'job:status': (event) => [event.orderId],
    'order:cancelled': (event) => [event.orderId],
    'plan:committed': 'all',
  },
  maxAgeMs: 5 * 60_000,
  maxKept: 20_000,
  computeMany: computeCoverage,
});
