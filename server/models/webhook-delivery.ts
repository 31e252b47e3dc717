import { model, type Model, Schema, type Types } from 'mongoose';

import {
  CHANNEL_WEBHOOK_EVENTS,
  type ChannelWebhookEvent,
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveryStatus,
} from '../domain/channel-webhook-events';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export interface WebhookAttempt {
  at: Date;
  /** The receiver's HTTP status; absent when it could not be reached. */
  httpStatus?: number;
  error?: string;
}

/**
 * The outbox of status webhooks: written in the same transaction as the change it reports, then
 * sent (and retried) by the dispatcher, so nothing is lost across a restart. The body is kept as
 * sent, so every retry carries the same event id and the same signature.
 */
export interface WebhookDeliveryDoc {
  _id: Types.ObjectId;
  eventId: string;
  type: ChannelWebhookEvent;
  channel: Types.ObjectId;
  order: Types.ObjectId;
  url: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: WebhookAttempt[];
  nextAttemptAt: Date;
  deliveredAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const attemptSchema = new Schema<WebhookAttempt>(
  { at: { type: Date, required: true }, httpStatus: { type: Number }, error: { type: String, maxlength: 500 } },
  { _id: false, strict: 'throw' },
);

const webhookDeliverySchema = new Schema<WebhookDeliveryDoc>(
  {
    eventId: { type: String, required: true, match: /^evt_[a-f0-9]{24}$/ },
    type: { type: String, required: true, enum: CHANNEL_WEBHOOK_EVENTS },
    channel: { type: Schema.Types.ObjectId, ref: 'Channel', required: true },
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    url: { type: String, required: true, maxlength: 500 },
    body: { type: String, required: true },
    status: { type: String, required: true, enum: WEBHOOK_DELIVERY_STATUSES, default: 'pending' },
    attempts: { type: [attemptSchema], default: [] },
    nextAttemptAt: { type: Date, required: true },
    deliveredAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'webhook_deliveries' },
);

webhookDeliverySchema.index({ eventId: 1 }, { unique: true });
// Each status is reported once per order: a transition that repeats (a retried transaction, a
// second job starting) can never queue a second webhook of the same type.
webhookDeliverySchema.index({ order: 1, type: 1 }, { unique: true });
webhookDeliverySchema.index({ status: 1, nextAttemptAt: 1 });
webhookDeliverySchema.index({ createdAt: -1 });
webhookDeliverySchema.index({ channel: 1, createdAt: -1 });

export const WebhookDelivery: Model<WebhookDeliveryDoc> = model<WebhookDeliveryDoc>(
  'WebhookDelivery',
  webhookDeliverySchema,
);
