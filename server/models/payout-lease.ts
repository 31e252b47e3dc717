import { model, type Model, Schema } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * Who may send payouts now. Only the holder of an unexpired lease sends or queries, so two app
 * processes never pay the same run; a holder that dies loses the lease when it expires. The
 * gathering of runs writes its own row here too, so two gatherings at once conflict.
 */
export interface PayoutLeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}

const payoutLeaseSchema = new Schema<PayoutLeaseDoc>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, timestamps: false, collection: 'payout_leases' },
);

export const PayoutLease: Model<PayoutLeaseDoc> = model<PayoutLeaseDoc>('PayoutLease', payoutLeaseSchema);
