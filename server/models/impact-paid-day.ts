import { model, type Model, Schema, type Types } from 'mongoose';

import { type WeekLabel } from '../domain/weeks';
import { centsField, weekLabelField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * The impact report's pre-aggregate: what one payee (an artisan, or a workshop paid as a whole)
 * was paid on one Nairobi calendar day, with the labour and revenue of the units paid. Every money
 * figure of the report is computed from these rows rather than from payments joined to their jobs
 * and orders. Day is the grain because a custom period starts and ends on any day. Kept current by
 * server/impact/paid-days/ as payments land; rebuilt from payments by the same module.
 */
export interface ImpactPaidDayDoc {
  _id: Types.ObjectId;
  /** Absent for payouts to a workshop as a whole. */
  artisan?: Types.ObjectId | null;
  workshop: Types.ObjectId;
  /** Nairobi midnight starting the day of the payouts. */
  day: Date;
  /** Nairobi calendar month of `day`, "YYYY-MM". */
  month: string;
  paidCents: number;
  labourMinutes: number;
  revenueCents: number;
  payouts: number;
  /** The planned weeks of the work paid that day, each once. */
  weeks: WeekLabel[];
  /** Per payout whose job passed inspection on record: days from the pass to the payout. */
  daysToMoney: number[];
  createdAt: Date;
  updatedAt: Date;
}

const impactPaidDaySchema = new Schema<ImpactPaidDayDoc>(
  {
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    day: { type: Date, required: true },
    month: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    paidCents: centsField,
    labourMinutes: wholeCountField(0),
    revenueCents: centsField,
    payouts: wholeCountField(1),
    weeks: { type: [weekLabelField], default: [] },
    daysToMoney: { type: [Number], default: [] },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'impact_paid_days' },
);

// One row per payee and day: the incremental update upserts on this key.
impactPaidDaySchema.index({ workshop: 1, artisan: 1, day: 1 }, { unique: true });
impactPaidDaySchema.index({ day: 1 });

export const ImpactPaidDay: Model<ImpactPaidDayDoc> = model<ImpactPaidDayDoc>('ImpactPaidDay', impactPaidDaySchema);
