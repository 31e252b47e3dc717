import { type Types } from 'mongoose';

import { type OrderSource } from '../domain/order-source';
import { Inspection } from '../models/inspection';
import { Job } from '../models/job';
import { Order } from '../models/order';

export interface OnTimeCount {
  total: number;
  onTime: number;
}

export interface DeliveryAndQuality {
  /** Orders shipped in the range, by channel. */
  ordersByChannel: Map<OrderSource, OnTimeCount>;
  /** Jobs that passed inspection in the range, by artisan (absent when none is named) and workshop. */
  jobs: (WorkDone & OnTimeCount)[];
  /** Units inspected in the range, by artisan and workshop. */
  inspected: (WorkDone & { passed: number; inspected: number })[];
}

/** Who did the work counted: the artisan when one is named, and always the workshop. */
export interface WorkDone {
  artisanId?: string;
  workshopId: string;
}

type MakerKey = { artisan?: Types.ObjectId | null; workshop: Types.ObjectId };
const makerOf = (key: MakerKey): WorkDone => ({
  artisanId: key.artisan ? String(key.artisan) : undefined,
  workshopId: String(key.workshop),
});

/** On-time delivery and inspection outcomes in [from, to), counted by the database. */
export async function readDeliveryAndQuality({ from, to }: { from: Date; to: Date }): Promise<DeliveryAndQuality> {
  const [orders, jobs, inspections] = await Promise.all([
    Order.aggregate<{ _id: OrderSource; total: number; onTime: number }>([
      { $match: { status: 'shipped', shippedAt: { $gte: from, $lt: to } } },
      {
        $group: {
          _id: '$source',
          total: { $sum: 1 },
          onTime: { $sum: { $cond: [{ $lte: ['$shippedAt', '$shipBy'] }, 1, 0] } },
        },
      },
    ]),
    Job.aggregate<{ _id: MakerKey; total: number; onTime: number }>([
      { $match: { passedAt: { $gte: from, $lt: to } } },
      {
        $group: {
          _id: { artisan: '$artisan', workshop: '$workshop' },
          total: { $sum: 1 },
          onTime: { $sum: { $cond: [{ $lte: ['$passedAt', '$dueDate'] }, 1, 0] } },
        },
      },
    ]),
    Inspection.aggregate<{ _id: MakerKey; passed: number; failed: number }>([
      { $match: { inspectedAt: { $gte: from, $lt: to } } },
      {
        $group: {
          _id: { artisan: '$artisan', workshop: '$workshop' },
          passed: { $sum: '$passedQuantity' },
          failed: { $sum: '$failedQuantity' },
        },
      },
    ]),
  ]);
  return {
    ordersByChannel: new Map(orders.map((row) => [row._id, { total: row.total, onTime: row.onTime }])),
    jobs: jobs.map((row) => ({ ...makerOf(row._id), total: row.total, onTime: row.onTime })),
    inspected: inspections.map((row) => ({
      ...makerOf(row._id),
      passed: row.passed,
      inspected: row.passed + row.failed,
    })),
  };
}
