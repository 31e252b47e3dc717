import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export const PROVIDER_CALLBACK_KINDS = ['b2c-result', 'b2c-timeout', 'status-result', 'status-timeout'] as const;
export type ProviderCallbackKind = (typeof PROVIDER_CALLBACK_KINDS)[number];

/**
 * A callback from M-Pesa as received, stored before it is answered so that one applied later
 * (after a crash) is not lost. `outcome` says what it did: applied, ignored (no attempt of
 * Kiwanda's, or it came too late to change anything) or still received.
 */
export interface ProviderCallbackDoc {
  _id: Types.ObjectId;
  kind: ProviderCallbackKind;
  originatorConversationId?: string;
  body: string;
  outcome: 'received' | 'applied' | 'ignored';
  note?: string;
  receivedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const providerCallbackSchema = new Schema<ProviderCallbackDoc>(
  {
    kind: { type: String, required: true, enum: PROVIDER_CALLBACK_KINDS },
    originatorConversationId: { type: String, maxlength: 100 },
    body: { type: String, required: true, maxlength: 20_000 },
    outcome: { type: String, required: true, enum: ['received', 'applied', 'ignored'] },
    note: { type: String, maxlength: 500 },
    receivedAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'provider_callbacks' },
);

providerCallbackSchema.index({ outcome: 1, receivedAt: 1 });
providerCallbackSchema.index({ originatorConversationId: 1 });

export const ProviderCallback: Model<ProviderCallbackDoc> = model<ProviderCallbackDoc>(
  'ProviderCallback',
  providerCallbackSchema,
);
