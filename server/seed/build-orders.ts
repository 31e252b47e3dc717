import { addDays, addMinutes } from 'date-fns';
import { type Types } from 'mongoose';

import { type OrderPriority } from '../domain/order-priority';
import { type OrderStatus } from '../domain/order-status';
import { type OrderDoc, type OrderLine } from '../models/order';
import { type ProductDoc } from '../models/product';
import { pickPartner, webCustomer } from './customers';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

export interface LineRequest {
  product: ProductDoc;
  quantity: number;
}

/** Lines of an order, priced as the order's channel pays: wholesale for partners, retail on the web. */
export function buildOrderLines({
  ids,
  orderIndex,
  placedAt,
  requests,
  wholesale,
}: {
  ids: SeededObjectId;
  orderIndex: number;
  placedAt: Date;
  requests: LineRequest[];
  wholesale: boolean;
}): OrderLine[] {
  return requests.map((request, lineIndex) => ({
    _id: ids('order-line', orderIndex * 16 + lineIndex, placedAt),
    product: request.product._id,
    sku: request.product.sku,
    quantity: request.quantity,
    unitPriceCents: wholesale ? request.product.wholesalePriceCents : request.product.retailPriceCents,
  }));
}

export interface OrderDraft {
  id: Types.ObjectId;
  index: number;
  placedAt: Date;
  shipBy: Date;
  status: OrderStatus;
}

export function buildRetailOrder({
  random,
  draft,
  lines,
}: {
  random: Random;
  draft: OrderDraft;
  lines: OrderLine[];
}): OrderDoc {
  const partner = pickPartner(random);
  const priority: OrderPriority = random.weighted([
    ['normal', 80],
    ['high', 15],
    ['rush', 5],
  ] as const);
  return {
    _id: draft.id,
    reference: `${partner.code}-PO-${String(20_000 + draft.index)}`,
    source: 'retail',
    partner: partner.name,
    customer: { name: `${partner.name} buying team`, country: partner.country },
    lines,
    placedAt: draft.placedAt,
    shipBy: draft.shipBy,
    priority,
    status: draft.status,
    createdAt: draft.placedAt,
    updatedAt: draft.placedAt,
  };
}

export function buildWebOrder({
  random,
  draft,
  lines,
}: {
  random: Random;
  draft: OrderDraft;
  lines: OrderLine[];
}): OrderDoc {
  return {
    _id: draft.id,
    reference: `W-${String(100_000 + draft.index)}`,
    source: 'web',
    customer: webCustomer(random, draft.index),
    lines,
    placedAt: draft.placedAt,
    shipBy: draft.shipBy,
    priority: random.chance(0.1) ? 'high' : 'normal',
    status: draft.status,
    createdAt: draft.placedAt,
    updatedAt: draft.placedAt,
  };
}

/** Marks an order cancelled a few days after it was placed, before any work was planned. */
export function cancelOrderDraft({ random, order }: { random: Random; order: OrderDoc }): OrderDoc {
  const cancelledAt = addMinutes(addDays(order.placedAt, random.int(1, 4)), random.int(0, 600));
  return {
    ...order,
    status: 'cancelled',
    cancelledAt,
    cancelReason: random.pick([
      'Partner reduced its season buy',
      'Duplicate purchase order',
      'Customer asked to cancel',
    ]),
    updatedAt: cancelledAt,
  };
}
