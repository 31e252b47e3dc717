import { model, type Model, Schema, type Types } from 'mongoose';

import { CHANNEL_KINDS, CHANNEL_NAME_PATTERN, type ChannelKind } from '../domain/channel-kinds';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** A sales channel allowed to send orders through the API: the web shop or a retail partner. */
export interface ChannelDoc {
  _id: Types.ObjectId;
  /** Stable handle, e.g. "web-shop" or "anthropologie"; what the CLI and the key page use. */
  name: string;
  displayName: string;
  kind: ChannelKind;
  /** The retail partner named on its orders; absent for the web shop. */
  partner?: string;
  /** Where status webhooks go, and the secret they are signed with. */
  webhookUrl?: string;
  webhookSecret?: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const channelSchema = new Schema<ChannelDoc>(
  {
    name: { type: String, required: true, match: CHANNEL_NAME_PATTERN, maxlength: 60 },
    displayName: { type: String, required: true, trim: true, maxlength: 120 },
    kind: { type: String, required: true, enum: CHANNEL_KINDS },
    partner: {
      type: String,
      trim: true,
      maxlength: 80,
      required: [
        function (this: ChannelDoc) {
          return this.kind === 'retail-partner';
        },
        'a retail-partner channel names its partner',
      ],
    },
    webhookUrl: { type: String, trim: true, maxlength: 500 },
    webhookSecret: { type: String, maxlength: 200 },
    active: { type: Boolean, required: true, default: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'channels' },
);

channelSchema.index({ name: 1 }, { unique: true });

export const Channel: Model<ChannelDoc> = model<ChannelDoc>('Channel', channelSchema);
