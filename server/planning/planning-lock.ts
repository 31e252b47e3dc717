import { type ClientSession, type Types } from 'mongoose';

import { PlanningLock } from '../models/planning-lock';

/**
 * One document every plan commit writes first, inside its transaction. Two commits running at
 * once both write it, so the database lets only one through (the other gets a write conflict,
 * is retried after the first has committed and then sees the first one's jobs in the data
 * version). Without it, two proposals computed on the same data could both pass the check.
 */
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
