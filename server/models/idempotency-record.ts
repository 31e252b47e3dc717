import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * What a channel's request with an Idempotency-Key produced, written in the same transaction as
 * the order, so a retry (even eight at once) finds exactly one order and gets the same answer.
 */
export interface IdempotencyRecordDoc {
  _id: Types.ObjectId;
  channel: Types.ObjectId;
  key: string;
  /** SHA-256 of the request body as parsed: the same key with another body is refused. */
  requestHash: string;
  order: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const idempotencyRecordSchema = new Schema<IdempotencyRecordDoc>(
  {
    channel: { type: Schema.Types.ObjectId, ref: 'Channel', required: true },
    key: { type: String, required: true, maxlength: 255 },
    requestHash: { type: String, required: true, match: /^[a-f0-9]{64}$/ },
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'idempotency_records' },
);

idempotencyRecordSchema.index({ channel: 1, key: 1 }, { unique: true });

export const IdempotencyRecord: Model<IdempotencyRecordDoc> = model<IdempotencyRecordDoc>(
  'IdempotencyRecord',
  idempotencyRecordSchema,
);
