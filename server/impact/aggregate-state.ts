import { type ClientSession } from 'mongoose';

import { ImpactAggregateState } from '../models/impact-aggregate-state';

/** The fingerprint an impact aggregate was last built or updated to, null before its first build. */
export async function readAggregateFingerprint({
  id,
  session,
}: {
  id: string;
  session?: ClientSession;
}): Promise<string | null> {
  const state = await ImpactAggregateState.findById(id, null, { session }).lean();
  return state?.fingerprint ?? null;
}

/** Stores an aggregate's fingerprint; with `rebuiltAt`, after a rebuild (creating the entry). */
export async function writeAggregateFingerprint({
  id,
  fingerprint,
  rebuiltAt,
  session,
}: {
  id: string;
  fingerprint: string;
  rebuiltAt?: Date;
  session?: ClientSession;
}): Promise<void> {
  await ImpactAggregateState.updateOne(
    { _id: id },
    { $set: { fingerprint, ...(rebuiltAt ? { rebuiltAt } : {}) } },
    { upsert: rebuiltAt !== undefined, session },
  );
}

/**
 * Runs `rebuild` when `isCurrent` says the aggregate is stale, one rebuild at a time per aggregate
 * in this process: the requests that find it stale together share one rebuild.
 */
export function singleFlightRefresher({
  isCurrent,
  rebuild,
}: {
  isCurrent: () => Promise<boolean>;
  rebuild: () => Promise<unknown>;
}): () => Promise<void> {
  let rebuilding: Promise<unknown> | null = null;
  const ensure = async (): Promise<void> => {
    while (rebuilding) await rebuilding;
    if (await isCurrent()) return;
    if (rebuilding) return ensure();
    rebuilding = rebuild().finally(() => {
      rebuilding = null;
    });
    await rebuilding;
  };
  return ensure;
}
