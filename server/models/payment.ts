import { model, type Model, Schema, type Types } from 'mongoose';

import { KENYAN_MOBILE_PATTERN } from '../domain/nairobi-areas';
import { PAYMENT_STATUSES, type PaymentStatus } from '../domain/payment-status';
import { type WeekLabel } from '../domain/weeks';
import { centsField, type Payee, payeeField, weekLabelField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** What one job earned: passed quantity × piece rate, paid once, to the artisan or the workshop. */
export interface PaymentDoc {
  _id: Types.ObjectId;
  job: Types.ObjectId;
  payee: Payee;
  /** Mobile-money number the payout goes to, as it was when the payment was made. */
  phone: string;
  quantity: number;
  pieceRateCents: number;
  amountCents: number;
  /** The planned week of the work paid for, so pay can be counted by week without the job. */
  week: WeekLabel;
  provider: string;
  providerReference?: string;
  status: PaymentStatus;
  paidAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const paymentSchema = new Schema<PaymentDoc>(
  {
    job: { type: Schema.Types.ObjectId, ref: 'Job', required: true },
    payee: payeeField(),
    phone: { type: String, required: true, match: KENYAN_MOBILE_PATTERN },
    quantity: wholeCountField(0),
    pieceRateCents: centsField,
    amountCents: centsField,
    week: weekLabelField,
    provider: { type: String, required: true, default: 'mpesa' },
    providerReference: { type: String, trim: true, maxlength: 64 },
    status: { type: String, required: true, enum: PAYMENT_STATUSES, default: 'pending' },
    paidAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'payments' },
);

// The guarantee behind "paid exactly once": a second payment for the same job cannot be stored.
paymentSchema.index({ job: 1 }, { unique: true });
paymentSchema.index({ 'payee.artisan': 1, createdAt: -1 });
paymentSchema.index({ 'payee.workshop': 1, createdAt: -1 });
paymentSchema.index({ status: 1 });

export const Payment: Model<PaymentDoc> = model<PaymentDoc>('Payment', paymentSchema);
