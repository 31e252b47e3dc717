import { type Types } from 'mongoose';

import { type OrderSource } from '../domain/order-source';
import { ImpactWorkDay } from '../models/impact-work-day';
import { Order } from '../models/order';
import { ensureImpactWorkDaysCurrent } from './work-days/keep-work-days-current';

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

type Range = { from: Date; to: Date };

async function ordersByChannel({ from, to }: Range): Promise<Map<OrderSource, OnTimeCount>> {
  const orders = await Order.aggregate<{ _id: OrderSource; total: number; onTime: number }>([
    { $match: { status: 'shipped', shippedAt: { $gte: from, $lt: to } } },
    {
      $group: {
        _id: '$source',
        total: { $sum: 1 },
        onTime: { $sum: { $cond: [{ $lte: ['$shippedAt', '$shipBy'] }, 1, 0] } },
      },
    },
  ]);
  return new Map(orders.map((row) => [row._id, { total: row.total, onTime: row.onTime }]));
}

/**
 * On-time delivery and inspection outcomes of each range: orders counted by the database (a few
 * thousand a year), jobs and inspections from their per-maker, per-day pre-aggregate, read once
 * for all the ranges.
 */
export async function readDeliveryAndQuality({ ranges }: { ranges: readonly Range[] }): Promise<DeliveryAndQuality[]> {
  await ensureImpactWorkDaysCurrent();
  const from = new Date(Math.min(...ranges.map((range) => range.from.getTime())));
  const to = new Date(Math.max(...ranges.map((range) => range.to.getTime())));
  const [orders, days] = await Promise.all([
    Promise.all(ranges.map(ordersByChannel)),
    ImpactWorkDay.find(
      { day: { $gte: from, $lt: to } },
      { _id: 0, artisan: 1, workshop: 1, day: 1, jobsPassed: 1, jobsOnTime: 1, unitsInspected: 1, unitsPassed: 1 },
    ).lean(),
  ]);
  return ranges.map((range, index) => {
    const inRange = days.filter((row) => row.day >= range.from && row.day < range.to);
    return {
      ordersByChannel: orders[index],
      jobs: inRange
        .filter((row) => row.jobsPassed > 0)
        .map((row) => ({ ...makerOf(row), total: row.jobsPassed, onTime: row.jobsOnTime })),
      inspected: inRange
        .filter((row) => row.unitsInspected > 0)
        .map((row) => ({ ...makerOf(row), passed: row.unitsPassed, inspected: row.unitsInspected })),
    };
  });
}
