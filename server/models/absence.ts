import { model, type Model, Schema, type Types } from 'mongoose';

import { type ActorStamp, actorStampSchema } from './actor-stamp';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** A Nairobi calendar day as text, "2026-03-04", which sorts and compares as the days do. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Days an artisan has said they will be away, from `from` to `to` inclusive (Nairobi calendar
 * days). Capacity leaves the working days among them out of the artisan's week.
 */
export interface AbsenceDoc {
  _id: Types.ObjectId;
  artisan: Types.ObjectId;
  /** The artisan's workshop when the absence was declared: whose capacity it changes. */
  workshop: Types.ObjectId;
  from: string;
  to: string;
  reason?: string;
  createdBy: ActorStamp;
  createdAt: Date;
  updatedAt: Date;
}

const absenceSchema = new Schema<AbsenceDoc>(
  {
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan', required: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    from: { type: String, required: true, match: CALENDAR_DAY },
    to: {
      type: String,
      required: true,
      match: CALENDAR_DAY,
      validate: {
        // `this` is the document on save; on an update it is the query, which knows no `from`.
        validator(this: unknown, to: string) {
          const from = (this as { from?: unknown } | null)?.from;
          return typeof from !== 'string' || to >= from;
        },
        message: 'an absence ends on or after the day it starts',
      },
    },
    reason: { type: String, trim: true, maxlength: 200 },
    createdBy: { type: actorStampSchema, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'absences' },
);

// Capacity reads the absences not over yet that overlap some weeks: `to` from a day on, then `from`.
absenceSchema.index({ to: 1, from: 1 });
// One artisan's absences, in order (and the overlap check when a new one is declared).
absenceSchema.index({ artisan: 1, from: 1 });
absenceSchema.index(NEWEST_CHANGE_FIRST);

export const Absence: Model<AbsenceDoc> = model<AbsenceDoc>('Absence', absenceSchema);
