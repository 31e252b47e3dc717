import { model, type Model, Schema, type Types } from 'mongoose';

import { LANGUAGES, type Language } from '../domain/languages';
import {
  DELIVERY_STATUSES,
  MESSAGE_KINDS,
  MESSAGE_STATES,
  type DeliveryStatus,
  type MessageKind,
  type MessageState,
} from '../domain/message-status';
import { KENYAN_MOBILE_PATTERN } from '../domain/nairobi-areas';
import { wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** One delivery report as Africa's Talking posted it. */
export interface DeliveryReportEntry {
  status: DeliveryStatus;
  networkCode?: string;
  failureReason?: string;
  receivedAt: Date;
}

/**
 * One SMS to one artisan, from the outbox. Its `_id` is Kiwanda's own message id, written with
 * the change that causes it; `dedupeKey` (kind, cause, recipient) is unique, so the same cause
 * never queues the same message twice.
 */
export interface SmsMessageDoc {
  _id: Types.ObjectId;
  kind: MessageKind;
  /** What caused it: the plan (or job) offered, the payout paid, the inspection recorded. */
  sourceId: string;
  dedupeKey: string;
  artisan: Types.ObjectId;
  workshop: Types.ObjectId;
  user?: Types.ObjectId;
  recipientName: string;
  phone: string;
  language: Language;
  text: string;
  status: MessageState;
  /** Sends tried so far (each a request to Africa's Talking). */
  attempts: number;
  /** When a queued message may be sent (later after a send that sent nothing). */
  nextAttemptAt: Date;
  sendingAt?: Date;
  sentAt?: Date;
  resolvedAt?: Date;
  providerMessageId?: string;
  statusCode?: number;
  cost?: string;
  costCents?: number;
  /** Why the last send did not go, or why the message failed. */
  lastError?: string;
  failureReason?: string;
  reports: DeliveryReportEntry[];
  createdAt: Date;
  updatedAt: Date;
}

const reportSchema = new Schema<DeliveryReportEntry>(
  {
    status: { type: String, required: true, enum: DELIVERY_STATUSES },
    networkCode: { type: String, maxlength: 20 },
    failureReason: { type: String, maxlength: 200 },
    receivedAt: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const smsMessageSchema = new Schema<SmsMessageDoc>(
  {
    kind: { type: String, required: true, enum: MESSAGE_KINDS },
    sourceId: { type: String, required: true, maxlength: 100 },
    dedupeKey: { type: String, required: true, maxlength: 200 },
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan', required: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User' },
    recipientName: { type: String, required: true, maxlength: 200 },
    phone: { type: String, required: true, match: KENYAN_MOBILE_PATTERN },
    language: { type: String, required: true, enum: LANGUAGES },
    text: { type: String, required: true, maxlength: 918 },
    status: { type: String, required: true, enum: MESSAGE_STATES },
    attempts: wholeCountField(0),
    nextAttemptAt: { type: Date, required: true },
    sendingAt: { type: Date },
    sentAt: { type: Date },
    resolvedAt: { type: Date },
    providerMessageId: { type: String, maxlength: 100 },
    statusCode: { type: Number },
    cost: { type: String, maxlength: 40 },
    costCents: { type: Number, min: 0 },
    lastError: { type: String, maxlength: 500 },
    failureReason: { type: String, maxlength: 200 },
    reports: { type: [reportSchema], default: [] },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'sms_messages' },
);

smsMessageSchema.index({ dedupeKey: 1 }, { unique: true });
smsMessageSchema.index({ providerMessageId: 1 }, { unique: true, sparse: true });
// The sender's claim: the oldest queued message that is due.
smsMessageSchema.index({ status: 1, nextAttemptAt: 1 });
smsMessageSchema.index({ artisan: 1, createdAt: -1 });

export const SmsMessage: Model<SmsMessageDoc> = model<SmsMessageDoc>('SmsMessage', smsMessageSchema);
