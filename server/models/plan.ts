import { model, type Model, Schema, type Types } from 'mongoose';

import { PLAN_STATUSES, type PlanStatus } from '../domain/plan-status';
import { type WeekLabel } from '../domain/weeks';
import { centsField, weekLabelField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export interface PlanAssignment {
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  workshop: Types.ObjectId;
  week: WeekLabel;
  quantity: number;
  minutes: number;
  pieceRateCents: number;
  /** Units of `quantity` a planner pinned here (absent when none). */
  pinned?: number;
}

/** A planner's pin the optimizer could not keep, and why in words (the plan was made without it). */
export interface PlanPinConflict {
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  workshop: Types.ObjectId;
  week: WeekLabel;
  quantity: number;
  /** The optimizer's PinConflictReason: skill, week, forbidden, quantity, capacity or split. */
  reason: string;
  detail: string;
}

export interface UnplacedUnits {
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  quantity: number;
  /** Machine-readable reason, e.g. "no-capacity", "no-skill", "after-due-date". */
  reason: string;
  detail?: string;
  /** A smaller lot for this line that would let (more of) it be placed, when one would. */
  suggestedMinimumLot?: number;
  /** A later ship-by day (YYYY-MM-DD) that would let it be planned, when one would. */
  suggestedShipBy?: string;
}

/** One entry of an incremental re-plan's diff: units of an order line leaving a cell, entering one, or both. */
export interface PlanMove {
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  /** Absent for new work. */
  fromWorkshop?: Types.ObjectId;
  fromWeek?: WeekLabel;
  /** Absent for work the re-plan no longer places. */
  toWorkshop?: Types.ObjectId;
  toWeek?: WeekLabel;
  units: number;
}

/** An optimizer run: what it saw, what it was asked, what it proposed. */
export interface PlanDoc {
  _id: Types.ObjectId;
  inputs: {
    /** Stamp of the orders, jobs and capacity data the plan was computed from. */
    dataVersion: string;
    startWeek: WeekLabel;
    weeks: number;
    orders: Types.ObjectId[];
    workshopCount: number;
    demandUnits: number;
  };
  /** The optimizer options used (objective weights, time limit, …), as given. */
  options: Map<string, unknown>;
  status: PlanStatus;
  assignments: PlanAssignment[];
  unplaced: UnplacedUnits[];
  /** Absent on plans made before pins were kept. */
  pinConflicts?: PlanPinConflict[];
  /** For an incremental re-plan: the proposal it kept to, and only what moves against it. */
  incremental?: { basePlan: Types.ObjectId; moves: PlanMove[] };
  /** Fulfilment, lateness, utilisation, earnings balance and the like, by name. */
  metrics: Map<string, number>;
  createdBy?: Types.ObjectId;
  committedAt?: Date;
  committedBy?: Types.ObjectId;
  supersededBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const assignmentSchema = new Schema<PlanAssignment>(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    orderLine: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    week: weekLabelField,
    quantity: wholeCountField(1),
    minutes: wholeCountField(0),
    pieceRateCents: centsField,
    pinned: { ...wholeCountField(1), required: false },
  },
  { _id: false, strict: 'throw' },
);

const pinConflictSchema = new Schema<PlanPinConflict>(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    orderLine: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    week: weekLabelField,
    quantity: wholeCountField(1),
    reason: { type: String, required: true, match: /^[a-z]+(-[a-z]+)*$/ },
    detail: { type: String, required: true, maxlength: 500 },
  },
  { _id: false, strict: 'throw' },
);

const unplacedSchema = new Schema<UnplacedUnits>(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    orderLine: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    quantity: wholeCountField(1),
    reason: { type: String, required: true, match: /^[a-z]+(-[a-z]+)*$/ },
    detail: { type: String, maxlength: 500 },
    suggestedMinimumLot: { ...wholeCountField(1), required: false },
    suggestedShipBy: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { _id: false, strict: 'throw' },
);

const moveSchema = new Schema<PlanMove>(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    orderLine: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    fromWorkshop: { type: Schema.Types.ObjectId, ref: 'Workshop' },
    fromWeek: { type: String, match: /^\d{4}-W\d{2}$/ },
    toWorkshop: { type: Schema.Types.ObjectId, ref: 'Workshop' },
    toWeek: { type: String, match: /^\d{4}-W\d{2}$/ },
    units: wholeCountField(1),
  },
  { _id: false, strict: 'throw' },
);

const planSchema = new Schema<PlanDoc>(
  {
    inputs: {
      type: new Schema(
        {
          dataVersion: { type: String, required: true },
          startWeek: weekLabelField,
          weeks: wholeCountField(1),
          orders: [{ type: Schema.Types.ObjectId, ref: 'Order' }],
          workshopCount: wholeCountField(0),
          demandUnits: wholeCountField(0),
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    options: { type: Map, of: Schema.Types.Mixed, default: () => new Map() },
    status: { type: String, required: true, enum: PLAN_STATUSES, default: 'proposal' },
    assignments: { type: [assignmentSchema], default: [] },
    unplaced: { type: [unplacedSchema], default: [] },
    pinConflicts: { type: [pinConflictSchema], default: [] },
    incremental: {
      type: new Schema(
        {
          basePlan: { type: Schema.Types.ObjectId, ref: 'Plan', required: true },
          moves: { type: [moveSchema], default: [] },
        },
        { _id: false, strict: 'throw' },
      ),
    },
    metrics: { type: Map, of: Number, default: () => new Map() },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    committedAt: { type: Date },
    committedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    supersededBy: { type: Schema.Types.ObjectId, ref: 'Plan' },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'plans' },
);

planSchema.index({ status: 1, createdAt: -1 });
planSchema.index({ 'inputs.startWeek': 1 });

export const Plan: Model<PlanDoc> = model<PlanDoc>('Plan', planSchema);
