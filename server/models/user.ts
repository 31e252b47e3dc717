import { model, type Model, Schema, type Types } from 'mongoose';

import { ROLES, type Role } from '../domain/roles';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** Someone who signs in. An artisan user is linked to their artisan record. */
export interface UserDoc {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: Role;
  artisan?: Types.ObjectId;
  /** Argon2id PHC string; the password itself is never stored. */
  passwordHash: string;
  active: boolean;
  lastSignedInAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    email: { type: String, required: true, trim: true, lowercase: true, match: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    role: { type: String, required: true, enum: ROLES },
    artisan: {
      type: Schema.Types.ObjectId,
      ref: 'Artisan',
      required: [
        function (this: UserDoc) {
          return this.role === 'artisan';
        },
        'an artisan user is linked to an artisan',
      ],
    },
    passwordHash: { type: String, required: true, select: false },
    active: { type: Boolean, required: true, default: true },
    lastSignedInAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'users' },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ artisan: 1 }, { unique: true, sparse: true });

export const User: Model<UserDoc> = model<UserDoc>('User', userSchema);
