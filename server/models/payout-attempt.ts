import { model, type Model, Schema, type Types } from 'mongoose';

import { KENYAN_MOBILE_PATTERN } from '../domain/nairobi-areas';
import { PAYOUT_STATES, type PayoutState } from '../domain/payout-status';
import { wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * One B2C request for a payout. Its OriginatorConversationID is written before the request is
 * sent and never changes, so a request repeated after a crash is refused by Daraja as a
 * duplicate instead of paying twice.
 */
export interface PayoutAttemptDoc {
  _id: Types.ObjectId;
  payout: Types.ObjectId;
  run: Types.ObjectId;
  number: number;
  originatorConversationId: string;
  phone: string;
  shillings: number;
  status: PayoutState;
  conversationId?: string;
  submittedAt?: Date;
  resolvedAt?: Date;
  receipt?: string;
  resultCode?: string;
  resultDesc?: string;
  /** The last time a request got no answer, and why (the same request goes again). */
  lastError?: string;
  statusQueries: number;
  lastStatusQueryAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const payoutAttemptSchema = new Schema<PayoutAttemptDoc>(
  {
    payout: { type: Schema.Types.ObjectId, ref: 'Payout', required: true },
    run: { type: Schema.Types.ObjectId, ref: 'PayoutRun', required: true },
    number: wholeCountField(1),
    originatorConversationId: { type: String, required: true, maxlength: 100 },
    phone: { type: String, required: true, match: KENYAN_MOBILE_PATTERN },
    shillings: wholeCountField(1),
    status: { type: String, required: true, enum: PAYOUT_STATES },
    conversationId: { type: String, maxlength: 100 },
    submittedAt: { type: Date },
    resolvedAt: { type: Date },
    receipt: { type: String, maxlength: 64 },
    resultCode: { type: String, maxlength: 40 },
    resultDesc: { type: String, maxlength: 500 },
    lastError: { type: String, maxlength: 500 },
    statusQueries: wholeCountField(0),
    lastStatusQueryAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'payout_attempts' },
);

// Two managers retrying at once cannot both add attempt n + 1.
payoutAttemptSchema.index({ payout: 1, number: 1 }, { unique: true });
payoutAttemptSchema.index({ originatorConversationId: 1 }, { unique: true });
payoutAttemptSchema.index({ status: 1, run: 1 });

export const PayoutAttempt: Model<PayoutAttemptDoc> = model<PayoutAttemptDoc>('PayoutAttempt', payoutAttemptSchema);
