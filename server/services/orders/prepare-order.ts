import { Types } from 'mongoose';
import { z } from 'zod';

import { type FieldIssue, ValidationError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { ORDER_PRIORITIES } from '../../domain/order-priority';
import { isTradeOrder, ORDER_SOURCES } from '../../domain/order-source';
import { validateInput } from '../../domain/validate-input';
import { type OrderDoc } from '../../models/order';
import { type ProductDoc } from '../../models/product';
import { type LineNamingProduct, productsNamedByLines } from './kept-catalogue';

const OrderLineInput = z
  .object({
    productId: objectIdString.optional(),
    sku: z.string().trim().min(1, 'is required').max(60).optional(),
    quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
  })
  .refine((line) => line.productId !== undefined || line.sku !== undefined, {
    message: 'a line names its product by id or SKU',
    path: ['sku'],
  });

export const OrderInput = z
  .object({
    source: z.enum(ORDER_SOURCES),
    partner: z.string().trim().min(1).max(80).optional(),
    reference: z.string().trim().min(1).max(60).optional(),
    customer: z.object({
      name: z.string().trim().min(1, 'is required').max(160),
      store: z.string().trim().min(1).max(160).optional(),
      email: z.email().optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
        .default('KE'),
    }),
    lines: z.array(OrderLineInput).min(1, 'an order needs at least one line').max(200),
    placedAt: z.coerce.date().optional(),
    shipBy: z.coerce.date({ error: 'must be a date' }),
    priority: z.enum(ORDER_PRIORITIES).default('normal'),
    notes: z.string().trim().max(1000).optional(),
    channel: objectIdString.optional(),
    externalRef: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((order, context) => {
    if (order.source === 'retail' && !order.partner) {
      context.addIssue({ code: 'custom', path: ['partner'], message: 'a retail order names its partner' });
    }
    if (order.source !== 'retail' && order.partner) {
      context.addIssue({ code: 'custom', path: ['partner'], message: 'only a retail order names a retail partner' });
    }
  });

export type OrderInput = z.input<typeof OrderInput>;

/** How an order's reference starts, by where it came from. */
const REFERENCE_PREFIXES = { web: 'W', retail: 'PO', hq: 'HQ' } as const;

/** An order checked against the catalogue and priced, ready to be written. */
export type PreparedOrder = Omit<OrderDoc, 'createdAt' | 'updatedAt' | 'shippedAt' | 'cancelledAt' | 'cancelReason'>;

/** The products an order's lines name, found by id or SKU in the kept catalogue. */
async function productsOfLines(lines: LineNamingProduct[]) {
  const products = await productsNamedByLines(lines);
  const productOf = (line: LineNamingProduct): ProductDoc | undefined =>
    products.find((product) => (line.productId ? String(product._id) === line.productId : product.sku === line.sku));
  return { products, productOf };
}

/**
 * Checks an order against the catalogue and prices it (retail on the web shop, wholesale for
 * partners and HQ's trade customers, whose lines must meet the product's minimum lot). Every problem is reported at
 * once, each naming its field, so a channel or a planner can fix them all in one go.
 */
export async function prepareOrder(input: OrderInput): Promise<PreparedOrder> {
  return (await prepareOrderReadingProducts(input)).order;
}

/**
 * prepareOrder, with the products its lines name as read for the checks: the channels' API hands
 * them on to promisePreparedOrders instead of reading them again.
 */
export async function prepareOrderReadingProducts(
  input: OrderInput,
): Promise<{ order: PreparedOrder; products: ProductDoc[] }> {
  const order = validateInput(OrderInput, input);
  const placedAt = order.placedAt ?? new Date();
  const issues: FieldIssue[] = [];
  if (order.shipBy.getTime() <= placedAt.getTime())
    issues.push({ field: 'shipBy', message: 'must be after the order is placed (it is in the past)' });

  const { products, productOf } = await productsOfLines(order.lines);
  const seen = new Set<string>();
  const lines = order.lines.flatMap((line, index) => {
    const field = line.productId ? `lines.${index}.productId` : `lines.${index}.sku`;
    const product = productOf(line);
    if (!product) {
      issues.push({ field, message: line.productId ? `no product ${line.productId}` : `unknown SKU ${line.sku}` });
      return [];
    }
    if (!product.active) issues.push({ field, message: `${product.sku} is no longer made` });
    if (seen.has(String(product._id))) issues.push({ field, message: `${product.sku} is already on another line` });
    seen.add(String(product._id));
    if (isTradeOrder(order.source) && line.quantity < product.minimumLot) {
      issues.push({
        field: `lines.${index}.quantity`,
        message: `${line.quantity} is below the minimum lot of ${product.minimumLot} for ${product.sku}`,
      });
    }
    const unitPriceCents = isTradeOrder(order.source) ? product.wholesalePriceCents : product.retailPriceCents;
    return [
      { _id: new Types.ObjectId(), product: product._id, sku: product.sku, quantity: line.quantity, unitPriceCents },
    ];
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const _id = new Types.ObjectId();
  const prepared: PreparedOrder = {
    _id,
    reference: order.reference ?? `${REFERENCE_PREFIXES[order.source]}-${_id.toHexString().slice(-10).toUpperCase()}`,
    source: order.source,
    partner: order.partner,
    customer: order.customer,
    lines,
    placedAt,
    shipBy: order.shipBy,
    priority: order.priority,
    notes: order.notes,
    channel: order.channel ? new Types.ObjectId(order.channel) : undefined,
    externalRef: order.externalRef,
    status: 'open',
  };
  return { order: prepared, products };
}

/**
 * prepareOrder for callers that gather problems from several places before answering (HQ's order
 * form, a purchase-order file): the catalogue's problems come back as issues instead of thrown.
 */
export async function tryPrepareOrder(
  input: OrderInput,
): Promise<{ order: PreparedOrder; issues: [] } | { order: null; issues: FieldIssue[] }> {
  try {
    return { order: await prepareOrder(input), issues: [] };
  } catch (error) {
    if (error instanceof ValidationError) return { order: null, issues: error.issues };
    throw error;
  }
}
