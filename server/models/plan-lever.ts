import { model, type Model, Schema, type Types } from 'mongoose';

import { PLAN_LEVER_KINDS, type PlanLeverKind } from '../domain/plan-levers';
import { type WeekLabel } from '../domain/weeks';
import { type ActorStamp, actorStampSchema } from './actor-stamp';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * A planner's lever on one order line, kept as planning input and carried into every later plan
 * run: a pin (at least `quantity` units of the line in this workshop and week) or a workshop ruled
 * out for the line. One lever per line, workshop and week (`key`): pinning a cell again changes it.
 */
export interface PlanLeverDoc {
  _id: Types.ObjectId;
  kind: PlanLeverKind;
  /** `kind|orderLine|workshop|week`; unique, so a lever is set once. */
  key: string;
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  workshop: Types.ObjectId;
  /** Pins only: the week the units are fixed in. */
  week?: WeekLabel;
  /** Pins only: the least number of units kept there. */
  quantity?: number;
  setBy: ActorStamp;
  createdAt: Date;
  updatedAt: Date;
}

const planLeverSchema = new Schema<PlanLeverDoc>(
  {
    kind: { type: String, required: true, enum: PLAN_LEVER_KINDS },
    key: { type: String, required: true, unique: true },
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    orderLine: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    week: { type: String, match: /^\d{4}-W\d{2}$/ },
    quantity: {
      type: Number,
      min: 1,
      validate: { validator: Number.isInteger, message: '{PATH} must be a whole number, got {VALUE}' },
    },
    setBy: { type: actorStampSchema, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'plan_levers' },
);

planLeverSchema.index({ orderLine: 1 });
planLeverSchema.index(NEWEST_CHANGE_FIRST);

export const PlanLever: Model<PlanLeverDoc> = model<PlanLeverDoc>('PlanLever', planLeverSchema);

/** The unique key of a lever: a pin per line, workshop and week; a rule-out per line and workshop. */
export function planLeverKey({
  kind,
  orderLine,
  workshop,
  week,
}: {
  kind: PlanLeverKind;
  orderLine: Types.ObjectId | string;
  workshop: Types.ObjectId | string;
  week?: WeekLabel;
}): string {
  return [kind, String(orderLine), String(workshop), kind === 'pin' ? week : '-'].join('|');
}
