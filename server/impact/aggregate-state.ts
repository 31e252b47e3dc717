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
    { $set: { fingerprint, ...(rebuiltAt ? { rebuiltAt } : {}) }, $inc: { revision: 1 } },
    { upsert: rebuiltAt !== undefined, session },
  );
}

/** Marks the aggregate's rows changed without a new fingerprint (a day refreshed after a hand-moved job). */
export async function bumpAggregateRevision({ id }: { id: string }): Promise<void> {
  await ImpactAggregateState.updateOne({ _id: id }, { $inc: { revision: 1 } });
}

/**
 * Names the aggregate's rows as they stand: a rebuild, a payment or a refresh changes it (see
 * ImpactAggregateStateDoc.revision), and so does a reseed; null before the first build.
 */
export async function readAggregateRevision({ id }: { id: string }): Promise<string | null> {
  const state = await ImpactAggregateState.findById(id, { fingerprint: 1, rebuiltAt: 1, revision: 1 }).lean();
  return state ? `${state.fingerprint}#${state.rebuiltAt.getTime()}#${state.revision ?? 0}` : null;
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
