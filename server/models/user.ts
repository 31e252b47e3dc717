import { model, type Model, Schema, type Types } from 'mongoose';

import { LANGUAGES, type Language } from '../domain/languages';
import { NAIROBI_AREA_NAMES, type NairobiArea } from '../domain/nairobi-areas';
import { ROLES, type Role } from '../domain/roles';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** Someone who signs in. An artisan user is linked to their artisan record. */
export interface UserDoc {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: Role;
  artisan?: Types.ObjectId;
  /** The language the phone pages speak to this person; absent means English. */
  language?: Language;
  /** For a field officer: the neighbourhoods whose workshops they inspect. */
  areas?: NairobiArea[];
  /** Argon2id PHC string; the password itself is never stored. */
  passwordHash: string;
  /**
   * The password was handed out by an administrator (an invitation, a reset): until the person
   * chooses their own, every page sends them to choose it first.
   */
  passwordIsTemporary?: boolean;
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
    language: { type: String, enum: LANGUAGES },
    areas: { type: [{ type: String, enum: NAIROBI_AREA_NAMES }], default: undefined },
    passwordHash: { type: String, required: true, select: false },
    passwordIsTemporary: { type: Boolean },
    active: { type: Boolean, required: true, default: true },
    lastSignedInAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'users' },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ artisan: 1 }, { unique: true, sparse: true });

export const User: Model<UserDoc> = model<UserDoc>('User', userSchema);
