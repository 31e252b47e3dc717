import { model, type Model, Schema, type Types } from 'mongoose';

import { PAYOUT_RUN_STATUSES, type PayoutRunStatus } from '../domain/payout-status';
import { actorStampSchema, type ActorStamp } from './actor-stamp';
import { centsField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** Payments due, gathered into one payout per artisan (or workshop) for a manager to approve. */
export interface PayoutRunDoc {
  _id: Types.ObjectId;
  status: PayoutRunStatus;
  gatheredAt: Date;
  gatheredBy: ActorStamp;
  approvedAt?: Date;
  approvedBy?: ActorStamp;
  completedAt?: Date;
  cancelledAt?: Date;
  payoutCount: number;
  paymentCount: number;
  /** What the payments add up to, in cents, and what will be paid in whole shillings. */
  amountCents: number;
  shillings: number;
  createdAt: Date;
  updatedAt: Date;
}

const payoutRunSchema = new Schema<PayoutRunDoc>(
  {
    status: { type: String, required: true, enum: PAYOUT_RUN_STATUSES },
    gatheredAt: { type: Date, required: true },
    gatheredBy: { type: actorStampSchema, required: true },
    approvedAt: { type: Date },
    approvedBy: { type: actorStampSchema },
    completedAt: { type: Date },
    cancelledAt: { type: Date },
    payoutCount: wholeCountField(0),
    paymentCount: wholeCountField(0),
    amountCents: centsField,
    shillings: wholeCountField(0),
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'payout_runs' },
);

payoutRunSchema.index({ status: 1, gatheredAt: -1 });
payoutRunSchema.index({ gatheredAt: -1 });

export const PayoutRun: Model<PayoutRunDoc> = model<PayoutRunDoc>('PayoutRun', payoutRunSchema);
