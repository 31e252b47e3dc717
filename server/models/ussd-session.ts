import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * One USSD session of an artisan: the offers and jobs its lists showed, in the order shown. A
 * USSD reply carries only the digits typed, so "2" means "the second job listed": keeping the
 * list as first shown makes "2" the same job for the whole session, even when another artisan
 * takes an offer meanwhile (that one then answers why it is gone, never another job).
 */
export interface UssdSessionDoc {
  _id: Types.ObjectId;
  /** The provider's id of the session (Africa's Talking `sessionId`). */
  sessionId: string;
  user: Types.ObjectId;
  offers: string[];
  work: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A USSD session lasts three minutes at most; a day later its lists are of no use to anyone. */
const KEEP_SECONDS = 24 * 60 * 60;

const ussdSessionSchema = new Schema<UssdSessionDoc>(
  {
    sessionId: { type: String, required: true, maxlength: 100 },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    offers: { type: [String], default: [] },
    work: { type: [String], default: [] },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'ussd_sessions' },
);

ussdSessionSchema.index({ sessionId: 1 }, { unique: true });
ussdSessionSchema.index({ createdAt: 1 }, { expireAfterSeconds: KEEP_SECONDS });

export const UssdSession: Model<UssdSessionDoc> = model<UssdSessionDoc>('UssdSession', ussdSessionSchema);
