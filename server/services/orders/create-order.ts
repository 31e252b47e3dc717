import { Types } from 'mongoose';
import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { ORDER_SOURCES } from '../../domain/order-source';
import { validateInput } from '../../domain/validate-input';
import { isoWeekLabel } from '../../domain/weeks';
import { Order, ORDER_PRIORITIES, type OrderDoc } from '../../models/order';
import { Product } from '../../models/product';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';

const CreateOrderInput = z
  .object({
    source: z.enum(ORDER_SOURCES),
    partner: z.string().trim().min(1).max(80).optional(),
    reference: z.string().trim().min(1).max(60).optional(),
    customer: z.object({
      name: z.string().trim().min(1, 'is required').max(160),
      email: z.email().optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
        .default('KE'),
    }),
    lines: z
      .array(z.object({ productId: objectIdString, quantity: z.number().int().min(1).max(100_000) }))
      .min(1, 'an order needs at least one line')
      .max(200),
    placedAt: z.coerce.date().optional(),
    shipBy: z.coerce.date(),
    priority: z.enum(ORDER_PRIORITIES).default('normal'),
  })
  .superRefine((order, context) => {
    if (order.source === 'retail' && !order.partner) {
      context.addIssue({ code: 'custom', path: ['partner'], message: 'a retail order names its partner' });
    }
    if (order.source === 'web' && order.partner) {
      context.addIssue({ code: 'custom', path: ['partner'], message: 'a web order has no retail partner' });
    }
    const seen = new Set<string>();
    order.lines.forEach((line, index) => {
      if (seen.has(line.productId)) {
        context.addIssue({
          code: 'custom',
          path: ['lines', index, 'productId'],
          message: 'product already on another line',
        });
      }
      seen.add(line.productId);
    });
  });

export type CreateOrderInput = z.input<typeof CreateOrderInput>;

/**
 * Records an order from the web shop or a retail partner. Prices come from the catalogue
 * (retail on the web, wholesale for partners); retail lines must meet the product's minimum lot.
 */
export async function createOrder({ actor, ...input }: CreateOrderInput & { actor: Actor }): Promise<OrderDoc> {
  const order = validateInput(CreateOrderInput, input);
  const placedAt = order.placedAt ?? new Date();
  if (order.shipBy.getTime() <= placedAt.getTime()) {
    throw ValidationError.forField('shipBy', 'must be after the order is placed');
  }

  const productIds = order.lines.map((line) => new Types.ObjectId(line.productId));
  const products = await Product.find({ _id: { $in: productIds } }).lean();
  const byId = new Map(products.map((product) => [String(product._id), product]));
  const lines = order.lines.map((line, index) => {
    const product = byId.get(line.productId);
    if (!product) throw ValidationError.forField(`lines.${index}.productId`, `no product ${line.productId}`);
    if (!product.active) throw ValidationError.forField(`lines.${index}.productId`, `${product.sku} is no longer made`);
    if (order.source === 'retail' && line.quantity < product.minimumLot) {
      throw ValidationError.forField(
        `lines.${index}.quantity`,
        `${line.quantity} is below the minimum lot of ${product.minimumLot} for ${product.sku}`,
      );
    }
    const unitPriceCents = order.source === 'retail' ? product.wholesalePriceCents : product.retailPriceCents;
    return {
      _id: new Types.ObjectId(),
      product: product._id,
      sku: product.sku,
      quantity: line.quantity,
      unitPriceCents,
    };
  });

  const _id = new Types.ObjectId();
  const reference =
    order.reference ?? `${order.source === 'web' ? 'W' : 'PO'}-${_id.toHexString().slice(-10).toUpperCase()}`;
  try {
    return await runInTransaction(async ({ session, publishAfterCommit }) => {
      const [created] = await Order.create(
        [
          {
            _id,
            reference,
            source: order.source,
            partner: order.partner,
            customer: order.customer,
            lines,
            placedAt,
            shipBy: order.shipBy,
            priority: order.priority,
            status: 'open',
          },
        ],
        { session },
      );
      const after = created.toObject();
      await recordAuditEvent({ session, actor, entity: { kind: 'order', id: _id }, action: 'order.created', after });
      publishAfterCommit('order:created', {
        orderId: String(_id),
        source: order.source,
        shipByWeek: isoWeekLabel(order.shipBy),
        units: lines.reduce((sum, line) => sum + line.quantity, 0),
      });
      return after;
    });
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw ValidationError.forField('reference', `${reference} is already used by another order`);
    throw error;
  }
}
