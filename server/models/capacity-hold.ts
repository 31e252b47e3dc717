import { model, type Model, Schema, type Types } from 'mongoose';

import { SKILLS, type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { type ActorStamp, actorStampSchema } from './actor-stamp';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export const CAPACITY_HOLD_STATUSES = ['held', 'launched', 'released'] as const;
export type CapacityHoldStatus = (typeof CAPACITY_HOLD_STATUSES)[number];

export interface CapacityHoldLine {
  product: Types.ObjectId;
  sku: string;
  name: string;
  quantity: number;
}

/** Minutes the hold keeps free in one workshop in one week, for one skill. */
export interface CapacityReservation {
  workshop: Types.ObjectId;
  workshopCode: string;
  week: WeekLabel;
  skill: Skill;
  minutes: number;
}

/**
 * A designer's reservation of the network's capacity for a launch, made from a capacity-check
 * answer. While held and not expired, planning subtracts its minutes from the workshops' free
 * capacity; launching it creates the orders and ends the reservation (the orders are then demand).
 */
export interface CapacityHoldDoc {
  _id: Types.ObjectId;
  reference: string;
  lines: CapacityHoldLine[];
  /** Nairobi calendar day "YYYY-MM-DD" the launch is to ship by. */
  shipBy: string;
  reservations: CapacityReservation[];
  status: CapacityHoldStatus;
  expiresAt: Date;
  heldBy: ActorStamp;
  order?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const lineSchema = new Schema<CapacityHoldLine>(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    sku: { type: String, required: true },
    name: { type: String, required: true },
    quantity: { type: Number, required: true, min: 1 },
  },
  { _id: false, strict: 'throw' },
);

const reservationSchema = new Schema<CapacityReservation>(
  {
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    workshopCode: { type: String, required: true },
    week: { type: String, required: true },
    skill: { type: String, required: true, enum: SKILLS },
    minutes: { type: Number, required: true, min: 0 },
  },
  { _id: false, strict: 'throw' },
);

const capacityHoldSchema = new Schema<CapacityHoldDoc>(
  {
    reference: { type: String, required: true, unique: true },
    lines: { type: [lineSchema], required: true },
    shipBy: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    reservations: { type: [reservationSchema], default: [] },
    status: { type: String, required: true, enum: CAPACITY_HOLD_STATUSES, default: 'held' },
    expiresAt: { type: Date, required: true },
    heldBy: { type: actorStampSchema, required: true },
    order: { type: Schema.Types.ObjectId, ref: 'Order' },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'capacity_holds' },
);

capacityHoldSchema.index({ status: 1, expiresAt: 1 });

export const CapacityHold: Model<CapacityHoldDoc> = model<CapacityHoldDoc>('CapacityHold', capacityHoldSchema);
