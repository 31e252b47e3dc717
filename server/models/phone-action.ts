import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export const PHONE_ACTION_KINDS = ['accept', 'decline', 'progress', 'ready', 'share', 'inspection'] as const;
export type PhoneActionKind = (typeof PHONE_ACTION_KINDS)[number];

/** What an applied action answered the first time, which every replay of its id answers again. */
export interface PhoneActionResult {
  jobId: string;
  /** The job's status after the action. */
  status: string;
  /** For an inspection: the inspection it recorded. */
  inspectionId?: string;
}

/**
 * An action taken on a phone (accept, report progress, inspect, …) under the id the phone made
 * for it, written in the same transaction as the action itself: a phone that sends it again,
 * after a lost answer or from its offline queue, finds this record and nothing is applied twice.
 */
export interface PhoneActionDoc {
  _id: Types.ObjectId;
  actionId: string;
  user: Types.ObjectId;
  kind: PhoneActionKind;
  result: PhoneActionResult;
  appliedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const phoneActionSchema = new Schema<PhoneActionDoc>(
  {
    actionId: { type: String, required: true, match: /^[A-Za-z0-9_-]{16,64}$/ },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, required: true, enum: PHONE_ACTION_KINDS },
    result: {
      type: new Schema<PhoneActionResult>(
        {
          jobId: { type: String, required: true },
          status: { type: String, required: true },
          inspectionId: { type: String },
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    appliedAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'phone_actions' },
);

// The guarantee behind "exactly once": a second record of the same id cannot be stored.
phoneActionSchema.index({ actionId: 1 }, { unique: true });

export const PhoneAction: Model<PhoneActionDoc> = model<PhoneActionDoc>('PhoneAction', phoneActionSchema);
