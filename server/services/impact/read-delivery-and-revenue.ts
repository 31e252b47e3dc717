import { Job } from '../../models/job';
import { Order } from '../../models/order';
import { Payment } from '../../models/payment';
import { type ImpactPeriod } from './impact-period';

/** Jobs that passed QC in the period, and how many of them by their due date. */
export async function readOnTime(period: ImpactPeriod): Promise<{ jobs: number; onTime: number }> {
  const [row] = await Job.aggregate<{ jobs: number; onTime: number }>([
    { $match: { passedAt: { $gte: period.from, $lt: period.to } } },
    {
      $group: {
        _id: null,
        jobs: { $sum: 1 },
        onTime: { $sum: { $cond: [{ $lte: ['$passedAt', '$dueDate'] }, 1, 0] } },
      },
    },
  ]);
  return { jobs: row?.jobs ?? 0, onTime: row?.onTime ?? 0 };
}

/** Revenue of the orders shipped in the period, at the prices agreed on each line. */
export async function readShippedRevenue(period: ImpactPeriod): Promise<number> {
  const [row] = await Order.aggregate<{ revenueCents: number }>([
    { $match: { status: 'shipped', shippedAt: { $gte: period.from, $lt: period.to } } },
    { $unwind: '$lines' },
    { $group: { _id: null, revenueCents: { $sum: { $multiply: ['$lines.quantity', '$lines.unitPriceCents'] } } } },
  ]);
  return row?.revenueCents ?? 0;
}

/** Everything paid in the period, to artisans and to workshops, by workshop. */
export async function readPaidByWorkshop(period: ImpactPeriod): Promise<Map<string, number>> {
  const rows = await Payment.aggregate<{ _id: unknown; paidCents: number }>([
    { $match: { status: { $ne: 'failed' }, paidAt: { $gte: period.from, $lt: period.to } } },
    { $group: { _id: '$payee.workshop', paidCents: { $sum: '$amountCents' } } },
  ]);
  return new Map(rows.map((row) => [String(row._id), row.paidCents]));
}
