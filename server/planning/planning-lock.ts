import { type ClientSession, model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from '../models/schema-options';

/**
 * One document every plan commit writes first, inside its transaction. Two commits running at
 * once both write it, so the database lets only one through (the other gets a write conflict,
 * is retried after the first has committed and then sees the first one's jobs in the data
 * version). Without it, two proposals computed on the same data could both pass the check.
 */
interface PlanningLockDoc {
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

const PlanningLock = model<PlanningLockDoc>('PlanningLock', planningLockSchema);
const COMMIT_LOCK_ID = 'plan-commit';

/** Creates the lock document (and its collection) outside any transaction; idempotent. */
export async function ensurePlanningLock(): Promise<void> {
  await PlanningLock.updateOne({ _id: COMMIT_LOCK_ID }, { $max: { commits: 0 } }, { upsert: true });
}

/** Takes the commit lock for the rest of the caller's transaction. */
export async function takePlanningLock({
  session,
  planId,
}: {
  session: ClientSession;
  planId: Types.ObjectId;
}): Promise<void> {
  await PlanningLock.updateOne(
    { _id: COMMIT_LOCK_ID },
    { $inc: { commits: 1 }, $set: { lastPlan: planId, at: new Date() } },
    { session },
  );
}
