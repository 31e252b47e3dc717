import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * A document every plan commit writes first, inside its transaction, so that two commits running
 * at once conflict (see planning/planning-lock.ts). It also records the last plan committed.
 */
export interface PlanningLockDoc {
  _id: string;
  commits: number;
  lastPlan?: Types.ObjectId;
  at?: Date;
}

const planningLockSchema = new Schema<PlanningLockDoc>(
  {
    _id: { type: String, required: true },
    commits: { type: Number, required: true, default: 0 },
    lastPlan: { type: Schema.Types.ObjectId, ref: 'Plan' },
    at: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, timestamps: false, collection: 'planning_locks' },
);

export const PlanningLock: Model<PlanningLockDoc> = model<PlanningLockDoc>('PlanningLock', planningLockSchema);
