import { type Types } from 'mongoose';

import { CAPACITY_HOLDING_STATUSES } from '../domain/job-status';
import { nairobiDateString } from '../domain/weeks';
import { Job } from '../models/job';
import { type OrderDoc } from '../models/order';

/** What the orders table and its CSV show of one order. Money in KES cents; days in Nairobi. */
export interface OrderRow {
  id: string;
  reference: string;
  source: OrderDoc['source'];
  partner: string | null;
  customer: string;
  country: string;
  /** YYYY-MM-DD, Nairobi calendar. */
  placedOn: string;
  shipBy: string;
  status: OrderDoc['status'];
  priority: OrderDoc['priority'];
  lines: number;
  units: number;
  /** Units jobs hold (declined and cancelled jobs hold none). */
  plannedUnits: number;
  /** Units that passed QC. */
  madeUnits: number;
  valueCents: number;
}

/** The fields an OrderRow is made from; project queries to these. */
export const ORDER_ROW_PROJECTION = {
  reference: 1,
  source: 1,
  partner: 1,
  customer: 1,
  placedAt: 1,
  shipBy: 1,
  status: 1,
  priority: 1,
  'lines.quantity': 1,
  'lines.unitPriceCents': 1,
} as const;

export type OrderRowSource = Pick<
  OrderDoc,
  '_id' | 'reference' | 'source' | 'partner' | 'customer' | 'placedAt' | 'shipBy' | 'status' | 'priority'
> & { lines: { quantity: number; unitPriceCents: number }[] };

/** Rows for a batch of orders (a page, or a slice of the CSV), with one query for their jobs. */
export async function toOrderRows(orders: readonly OrderRowSource[]): Promise<OrderRow[]> {
  if (orders.length === 0) return [];
  const progress = await Job.aggregate<{ _id: Types.ObjectId; planned: number; made: number }>([
    { $match: { order: { $in: orders.map((order) => order._id) }, status: { $in: CAPACITY_HOLDING_STATUSES } } },
    { $group: { _id: '$order', planned: { $sum: '$quantity' }, made: { $sum: '$passedQuantity' } } },
  ]);
  const progressByOrder = new Map(progress.map((row) => [String(row._id), row]));
  return orders.map((order) => {
    const made = progressByOrder.get(String(order._id));
    return {
      id: String(order._id),
      reference: order.reference,
      source: order.source,
      partner: order.partner ?? null,
      customer: order.customer.name,
      country: order.customer.country,
      placedOn: nairobiDateString(order.placedAt),
      shipBy: nairobiDateString(order.shipBy),
      status: order.status,
      priority: order.priority,
      lines: order.lines.length,
      units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      plannedUnits: made?.planned ?? 0,
      madeUnits: made?.made ?? 0,
      valueCents: order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
    };
  });
}
