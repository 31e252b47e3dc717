import { type Types } from 'mongoose';

import { type OrderLine } from '../models/order';
import { type ArtisanWeekPool } from './artisan-week-pool';
import { buildOrderLines, type LineRequest } from './build-orders';
import { type ProductionWeek } from './production-calendar';
import { type SeededObjectId } from './seeded-ids';
import { type JobPlan } from './simulate-job';

/**
 * Gives an order's lines to the artisans free in its production week. A line gets what the week
 * can make; a line nobody can make is left off the order (the demo's orders were all accepted
 * knowing the network could make them).
 */
export function allocateOrder({
  ids,
  pool,
  week,
  orderId,
  orderIndex,
  placedAt,
  requests,
  wholesale,
  nextJobIndex,
  planId,
}: {
  ids: SeededObjectId;
  pool: ArtisanWeekPool;
  week: ProductionWeek;
  orderId: Types.ObjectId;
  orderIndex: number;
  placedAt: Date;
  requests: LineRequest[];
  wholesale: boolean;
  nextJobIndex: () => number;
  planId?: Types.ObjectId;
}): { lines: OrderLine[]; plans: JobPlan[] } {
  const made = requests.flatMap((request) => {
    const allocations = pool.allocate({
      skill: request.product.requiredSkill,
      units: request.quantity,
      minutesPerUnit: request.product.labourMinutesPerUnit,
    });
    const quantity = allocations.reduce((sum, allocation) => sum + allocation.quantity, 0);
    return quantity > 0 ? [{ request: { ...request, quantity }, allocations }] : [];
  });
  const lines = buildOrderLines({ ids, orderIndex, placedAt, requests: made.map((entry) => entry.request), wholesale });
  const plans = made.flatMap(({ request, allocations }, lineIndex) =>
    allocations.map((allocation): JobPlan => ({
      index: nextJobIndex(),
      order: orderId,
      orderLine: lines[lineIndex]._id,
      product: request.product._id,
      skill: request.product.requiredSkill,
      labourMinutesPerUnit: request.product.labourMinutesPerUnit,
      pieceRateCents: request.product.pieceRateCents,
      workshop: allocation.artisan.workshopId,
      artisan: allocation.artisan.id,
      artisanPhone: allocation.artisan.phone,
      artisanName: allocation.artisan.name,
      quantity: allocation.quantity,
      plannedWeek: week.label,
      weekStart: week.start,
      dueDate: week.jobsDue,
      offeredAt: week.committedAt,
      ...(planId ? { plan: planId } : {}),
    })),
  );
  return { lines, plans };
}
