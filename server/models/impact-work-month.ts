import { model, type Model, Schema, type Types } from 'mongoose';

import { wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** One maker's passed jobs and inspected units in one Nairobi calendar month. */
export interface WorkMonthFigures {
  jobsPassed: number;
  jobsOnTime: number;
  unitsInspected: number;
  unitsPassed: number;
}

/**
 * The month-grain twin of impact_work_days: one document per maker (an artisan, or a workshop's
 * work with no artisan named) holding its months, keyed "YYYY-MM", each the sum of that maker's
 * day rows in the month. Reports on whole months read these; months a custom period cuts through
 * are read from impact_work_days. Kept current by server/impact/work-days/.
 */
export interface ImpactWorkMonthDoc {
  _id: Types.ObjectId;
  artisan?: Types.ObjectId | null;
  workshop: Types.ObjectId;
  months: Map<string, WorkMonthFigures>;
  createdAt: Date;
  updatedAt: Date;
}

const workMonthSchema = new Schema<WorkMonthFigures>(
  {
    jobsPassed: wholeCountField(0),
    jobsOnTime: wholeCountField(0),
    unitsInspected: wholeCountField(0),
    unitsPassed: wholeCountField(0),
  },
  { _id: false },
);

const impactWorkMonthSchema = new Schema<ImpactWorkMonthDoc>(
  {
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    months: { type: Map, of: workMonthSchema, default: () => new Map() },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'impact_work_months' },
);

impactWorkMonthSchema.index({ workshop: 1, artisan: 1 }, { unique: true });

export const ImpactWorkMonth: Model<ImpactWorkMonthDoc> = model<ImpactWorkMonthDoc>(
  'ImpactWorkMonth',
  impactWorkMonthSchema,
);
