import { model, type Model, Schema, type Types } from 'mongoose';

import { ORDER_PRIORITIES, type OrderPriority } from '../domain/order-priority';
import { ORDER_SOURCES, type OrderSource } from '../domain/order-source';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { centsField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export interface OrderLine {
  _id: Types.ObjectId;
  product: Types.ObjectId;
  sku: string;
  quantity: number;
  /** Price agreed for this order: retail on the web shop, wholesale for trade orders (see isTradeOrder). */
  unitPriceCents: number;
  /** The Nairobi day the network promised to ship this line by when the order came in, if it did. */
  promisedShipDate?: string;
  /**
   * The smallest quantity planning may give one workshop in one week for this line, when a planner
   * allowed less than the product's minimum lot (a fix offered for units the plan could not place).
   */
  minimumLot?: number;
}

/**
 * A line of a channel's order that Kiwanda does not make (a SKU not in the catalogue: a gift
 * card, another maker's product). Kept on the order, so HQ sees it rather than losing it.
 */
export interface UnmadeOrderLine {
  sku: string;
  title: string;
  quantity: number;
}

export interface OrderDoc {
  _id: Types.ObjectId;
  /** The web order number or the partner's purchase-order number. */
  reference: string;
  source: OrderSource;
  /** The retail partner (Anthropologie, Madewell, Shopbop, a boutique); absent for web orders. */
  partner?: string;
  /** For retail partners, `store` names the store or buyer the purchase order is for. */
  customer: { name: string; store?: string; email?: string; country: string };
  lines: OrderLine[];
  unmadeLines?: UnmadeOrderLine[];
  placedAt: Date;
  shipBy: Date;
  priority: OrderPriority;
  notes?: string;
  /** The sales channel it came through the API from, and that channel's own order number. */
  channel?: Types.ObjectId;
  externalRef?: string;
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
    promisedShipDate: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
    minimumLot: { ...wholeCountField(1), required: false },
  },
  { strict: 'throw' },
);

/** How much of a line Kiwanda does not make is kept: enough to name it on the order page. */
export const UNMADE_LINE_MAX_LENGTH = { sku: 100, title: 300 } as const;

const unmadeLineSchema = new Schema<UnmadeOrderLine>(
  {
    sku: { type: String, trim: true, maxlength: UNMADE_LINE_MAX_LENGTH.sku, default: '' },
    title: { type: String, required: true, trim: true, maxlength: UNMADE_LINE_MAX_LENGTH.title },
    quantity: wholeCountField(1),
  },
  { _id: false, strict: 'throw' },
);

const customerSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 160 },
    store: { type: String, trim: true, maxlength: 160 },
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
    unmadeLines: { type: [unmadeLineSchema], default: undefined },
    placedAt: { type: Date, required: true },
    shipBy: { type: Date, required: true },
    priority: { type: String, required: true, enum: ORDER_PRIORITIES, default: 'normal' },
    notes: { type: String, trim: true, maxlength: 1000 },
    channel: { type: Schema.Types.ObjectId, ref: 'Channel' },
    externalRef: { type: String, trim: true, maxlength: 100 },
    status: { type: String, required: true, enum: ORDER_STATUSES, default: 'open' },
    shippedAt: { type: Date },
    cancelledAt: { type: Date },
    cancelReason: { type: String, trim: true, maxlength: 500 },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'orders' },
);

orderSchema.index({ reference: 1 }, { unique: true });
// A channel's order number names one order of that channel; orders entered at HQ have neither.
orderSchema.index({ channel: 1, externalRef: 1 }, { unique: true, sparse: true });
orderSchema.index({ status: 1, shipBy: 1 });
orderSchema.index({ placedAt: -1 });
orderSchema.index({ 'lines.product': 1 });
orderSchema.index(NEWEST_CHANGE_FIRST);

export const Order: Model<OrderDoc> = model<OrderDoc>('Order', orderSchema);
