import { model, type Model, Schema, type Types } from 'mongoose';

import { KENYAN_MOBILE_PATTERN } from '../domain/nairobi-areas';
import { centsField, type Payee, payeeField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * One artisan's (or workshop's) money in one payout run: the payments it covers, paid by one
 * M-Pesa transfer. Its state is that of its latest attempt (payout-attempt.ts).
 */
export interface PayoutDoc {
  _id: Types.ObjectId;
  run: Types.ObjectId;
  payee: Payee;
  payeeName: string;
  phone: string;
  payments: Types.ObjectId[];
  amountCents: number;
  /** Whole shillings sent: amountCents rounded up (domain/payout-status.ts payableShillings). */
  shillings: number;
  roundingCents: number;
  /** Attempts made so far; the latest is number `attempts`. */
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

const payoutSchema = new Schema<PayoutDoc>(
  {
    run: { type: Schema.Types.ObjectId, ref: 'PayoutRun', required: true },
    payee: payeeField(),
    payeeName: { type: String, required: true, maxlength: 200 },
    phone: { type: String, required: true, match: KENYAN_MOBILE_PATTERN },
    payments: { type: [{ type: Schema.Types.ObjectId, ref: 'Payment' }], required: true },
    amountCents: centsField,
    shillings: wholeCountField(1),
    roundingCents: wholeCountField(0),
    attempts: wholeCountField(0),
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'payouts' },
);

payoutSchema.index({ run: 1 });
payoutSchema.index({ payments: 1 });

export const Payout: Model<PayoutDoc> = model<PayoutDoc>('Payout', payoutSchema);
