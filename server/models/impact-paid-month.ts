import { model, type Model, Schema, type Types } from 'mongoose';

import { type WeekLabel } from '../domain/weeks';
import { centsField, weekLabelField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** What one payee was paid in one Nairobi calendar month: the sum of its impact_paid_days rows. */
export interface PaidMonthFigures {
  paidCents: number;
  labourMinutes: number;
  revenueCents: number;
  payouts: number;
  /** The planned weeks of the work paid that month, each once. */
  weeks: WeekLabel[];
  /** Per payout whose job passed inspection on record: days from the pass to the payout. */
  daysToMoney: number[];
}

/**
 * The impact report's month-grain pre-aggregate: one document per payee (an artisan, or a workshop
 * paid as a whole) holding its months, keyed "YYYY-MM". A report whose period starts and ends on
 * month boundaries reads one document per payee instead of one row per payee and day (about
 * sixteen times fewer documents for the demo network's year); months a custom period cuts through
 * are read from impact_paid_days. Kept current with impact_paid_days, in the same transaction,
 * by server/impact/paid-days/.
 */
export interface ImpactPaidMonthDoc {
  _id: Types.ObjectId;
  /** Absent for payouts to a workshop as a whole. */
  artisan?: Types.ObjectId | null;
  workshop: Types.ObjectId;
  months: Map<string, PaidMonthFigures>;
  createdAt: Date;
  updatedAt: Date;
}

const paidMonthSchema = new Schema<PaidMonthFigures>(
  {
    paidCents: centsField,
    labourMinutes: wholeCountField(0),
    revenueCents: centsField,
    payouts: wholeCountField(1),
    weeks: { type: [weekLabelField], default: [] },
    daysToMoney: { type: [Number], default: [] },
  },
  { _id: false },
);

const impactPaidMonthSchema = new Schema<ImpactPaidMonthDoc>(
  {
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    months: { type: Map, of: paidMonthSchema, default: () => new Map() },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'impact_paid_months' },
);

// One document per payee: the incremental update upserts on this key.
impactPaidMonthSchema.index({ workshop: 1, artisan: 1 }, { unique: true });

export const ImpactPaidMonth: Model<ImpactPaidMonthDoc> = model<ImpactPaidMonthDoc>(
  'ImpactPaidMonth',
  impactPaidMonthSchema,
);
