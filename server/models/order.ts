import { model, type Model, Schema, type Types } from 'mongoose';

import { ORDER_SOURCES, type OrderSource } from '../domain/order-source';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status';
import { centsField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export const ORDER_PRIORITIES = ['normal', 'high', 'rush'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

export interface OrderLine {
  _id: Types.ObjectId;
  product: Types.ObjectId;
  sku: string;
  quantity: number;
  /** Price agreed for this order: retail on the web shop, wholesale for retail partners. */
  unitPriceCents: number;
}

export interface OrderDoc {
  _id: Types.ObjectId;
  /** The web order number or the partner's purchase-order number. */
  reference: string;
  source: OrderSource;
  /** The retail partner (Anthropologie, Madewell, Shopbop, a boutique); absent for web orders. */
  partner?: string;
  customer: { name: string; email?: string; country: string };
  lines: OrderLine[];
  placedAt: Date;
  shipBy: Date;
  priority: OrderPriority;
  status: OrderStatus;
  shippedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

const orderLineSchema = new Schema<OrderLine>(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    sku: { type: String, required: true },
    quantity: wholeCountField(1),
    unitPriceCents: centsField,
  },
  { strict: 'throw' },
);

const customerSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 160 },
    email: { type: String, trim: true, lowercase: true, maxlength: 200 },
    country: { type: String, required: true, match: /^[A-Z]{2}$/ },
  },
  { _id: false, strict: 'throw' },
);

const orderSchema = new Schema<OrderDoc>(
  {
    reference: { type: String, required: true, trim: true, maxlength: 60 },
    source: { type: String, required: true, enum: ORDER_SOURCES },
    partner: {
      type: String,
      trim: true,
      required: [
        function (this: OrderDoc) {
          return this.source === 'retail';
        },
        'a retail order names its partner',
      ],
    },
    customer: { type: customerSchema, required: true },
    lines: {
      type: [orderLineSchema],
      validate: { validator: (lines: unknown[]) => lines.length > 0, message: 'an order needs at least one line' },
    },
    placedAt: { type: Date, required: true },
    shipBy: { type: Date, required: true },
    priority: { type: String, required: true, enum: ORDER_PRIORITIES, default: 'normal' },
    status: { type: String, required: true, enum: ORDER_STATUSES, default: 'open' },
    shippedAt: { type: Date },
    cancelledAt: { type: Date },
    cancelReason: { type: String, trim: true, maxlength: 500 },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'orders' },
);

orderSchema.index({ reference: 1 }, { unique: true });
orderSchema.index({ status: 1, shipBy: 1 });
orderSchema.index({ placedAt: -1 });
orderSchema.index({ 'lines.product': 1 });

export const Order: Model<OrderDoc> = model<OrderDoc>('Order', orderSchema);
