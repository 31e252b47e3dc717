import { Schema, type Types } from 'mongoose';

import { ROLES } from '../domain/roles';

/** Who did something, as records keep it: the user (absent for the system), their role and name. */
export interface ActorStamp {
  userId?: Types.ObjectId;
  role: string;
  label: string;
}

export const actorStampSchema = new Schema<ActorStamp>(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User' },
    role: { type: String, required: true, enum: [...ROLES, 'system'] },
    label: { type: String, required: true },
  },
  { _id: false, strict: 'throw' },
);
