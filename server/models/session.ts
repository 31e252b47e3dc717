import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * A signed-in browser. The cookie carries a random id; only its SHA-256 is stored here, so a
 * copy of the database holds no usable cookie. Deleting the record ends the session at once,
 * whatever copies of the cookie exist.
 */
export interface SessionDoc {
  /** SHA-256 (hex) of the id in the cookie. */
  _id: string;
  user: Types.ObjectId;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'sessions' },
);

// Ending every session of a user (deactivation, password change) looks them up by user.
sessionSchema.index({ user: 1 });

export const Session: Model<SessionDoc> = model<SessionDoc>('Session', sessionSchema);
