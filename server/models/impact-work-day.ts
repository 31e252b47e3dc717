import { model, type Model, Schema, type Types } from 'mongoose';

import { wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * The impact report's pre-aggregate of delivery and quality: for one maker (an artisan, or a
 * workshop's work with no artisan named) and one Nairobi day, the jobs that passed inspection
 * that day and how many by their due date, and the units inspected that day and how many passed.
 * Kept current by server/impact/work-days/ as inspections are recorded; rebuilt by the same module.
 */
export interface ImpactWorkDayDoc {
  _id: Types.ObjectId;
  artisan?: Types.ObjectId | null;
  workshop: Types.ObjectId;
  /** Nairobi midnight starting the day. */
  day: Date;
  jobsPassed: number;
  jobsOnTime: number;
  unitsInspected: number;
  unitsPassed: number;
  createdAt: Date;
  updatedAt: Date;
}

const impactWorkDaySchema = new Schema<ImpactWorkDayDoc>(
  {
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    day: { type: Date, required: true },
    jobsPassed: wholeCountField(0),
    jobsOnTime: wholeCountField(0),
    unitsInspected: wholeCountField(0),
    unitsPassed: wholeCountField(0),
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'impact_work_days' },
);

impactWorkDaySchema.index({ workshop: 1, artisan: 1, day: 1 }, { unique: true });
impactWorkDaySchema.index({ day: 1 });

export const ImpactWorkDay: Model<ImpactWorkDayDoc> = model<ImpactWorkDayDoc>('ImpactWorkDay', impactWorkDaySchema);
