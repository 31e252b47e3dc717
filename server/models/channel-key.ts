import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * An API key of a channel. The key itself is shown once at creation; only its public id (looked
 * up by a unique index, so authentication is one indexed read) and a hash of its secret are kept.
 */
export interface ChannelKeyDoc {
  _id: Types.ObjectId;
  channel: Types.ObjectId;
  keyId: string;
  secretHash: string;
  label?: string;
  revokedAt?: Date;
  /** When a request last came with this key (to the minute: see authenticateChannelKey). */
  lastUsedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const channelKeySchema = new Schema<ChannelKeyDoc>(
  {
    channel: { type: Schema.Types.ObjectId, ref: 'Channel', required: true },
    keyId: { type: String, required: true, match: /^[a-f0-9]{16}$/ },
    secretHash: { type: String, required: true, match: /^[a-f0-9]{64}$/ },
    label: { type: String, trim: true, maxlength: 120 },
    revokedAt: { type: Date },
    lastUsedAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'channel_keys' },
);

channelKeySchema.index({ keyId: 1 }, { unique: true });
channelKeySchema.index({ channel: 1 });

export const ChannelKey: Model<ChannelKeyDoc> = model<ChannelKeyDoc>('ChannelKey', channelKeySchema);
