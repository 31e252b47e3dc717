import { type Model } from 'mongoose';

import { type Logger } from '../logger';
import { ALL_MODELS, ensureCollectionsAndIndexes } from '../models';
import { User } from '../models/user';
import { DEMO_NETWORK_EMAIL } from '../services/users/list-demo-accounts';
import { type DemoNetwork, type DemoNetworkOptions } from './generate-demo-network';
import { createSeedProgress, type SeedProgressListener } from './seed-progress';

const BATCH_SIZE = 5_000;

export class DatabaseNotEmptyError extends Error {
  override name = 'DatabaseNotEmptyError';
}

/** True when the database holds accounts other than the demo network's: real data, not to be wiped. */
async function holdsRealAccounts(): Promise<boolean> {
  return (await User.exists({ email: { $not: DEMO_NETWORK_EMAIL } })) !== null;
}

/**
 * Empties every Kiwanda collection by dropping it, so the documents go in without secondary
 * indexes to keep up to date, one by one; `buildIndexes` then builds each index in one pass.
 */
async function dropCollections(): Promise<void> {
  for (const model of ALL_MODELS as readonly Model<unknown>[]) {
    await model.collection.drop().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceNotFound') throw error;
    });
  }
}

/**
 * Writes the network straight through the driver, in large unordered batches: the documents
 * were built to the schemas already (a test validates them), and per-document Mongoose work
 * would cost most of the seeding time.
 */
async function insertNetwork(
  network: DemoNetwork,
  report: (shareOfPhase: number) => void,
  logger?: Logger,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const models = ALL_MODELS as readonly Model<unknown>[];
  const total = models.reduce(
    (sum, model) => sum + network[model.collection.collectionName as keyof DemoNetwork].length,
    0,
  );
  let written = 0;
  for (const model of models) {
    const name = model.collection.collectionName as keyof DemoNetwork;
    const documents = network[name] as unknown[] as Record<string, unknown>[];
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      const batch = documents.slice(start, start + BATCH_SIZE);
      await model.collection.insertMany(batch, { ordered: false, ignoreUndefined: true });
      written += batch.length;
      report(written / total);
    }
    counts[name] = documents.length;
    logger?.debug({ collection: name, documents: documents.length }, 'demo network collection written');
  }
  return counts;
}

/** Builds every collection's declared indexes over the documents already written (one sort each). */
async function buildIndexes(report: (shareOfPhase: number) => void): Promise<void> {
  const models = ALL_MODELS as readonly Model<unknown>[];
  for (const [index, model] of models.entries()) {
    await model.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
    await model.createIndexes();
    report((index + 1) / models.length);
  }
}

export interface SeedSummary {
  options: DemoNetworkOptions;
  counts: Record<string, number>;
  generateMs: number;
  writeMs: number;
}

/**
 * Replaces the database's Kiwanda data with the demo network. Refuses when real accounts exist
 * unless `replaceRealData` says so: seeding must never wipe a live network by accident.
 */
export async function seedDemoNetwork({
  options: partial = {},
  replaceRealData = false,
  logger,
  onProgress,
}: {
  options?: Partial<DemoNetworkOptions>;
  replaceRealData?: boolean;
  logger?: Logger;
  /** Told the phase and the fraction done as the load goes on (the preparing page shows it). */
  onProgress?: SeedProgressListener;
}): Promise<SeedSummary> {
  const progress = createSeedProgress(onProgress);
  progress('building');
  // NOTE: the generator (names, catalogue, a year of history) is loaded only when a network is
  // built, so the server's boot, which imports this module, does not pay for it.
  const { DEFAULT_DEMO_NETWORK, generateDemoNetwork } = await import('./generate-demo-network');
  const options: DemoNetworkOptions = { ...DEFAULT_DEMO_NETWORK, referenceDate: new Date(), ...partial };
  await ensureCollectionsAndIndexes();
  if (!replaceRealData && (await holdsRealAccounts())) {
    throw new DatabaseNotEmptyError(
      'the database holds accounts that are not the demo network’s; pass --replace to wipe it',
    );
  }
  const generateStarted = performance.now();
  const network = await generateDemoNetwork(options, (share) => progress('building', share));
  const generateMs = Math.round(performance.now() - generateStarted);

  const writeStarted = performance.now();
  progress('clearing');
  await dropCollections();
  const counts = await insertNetwork(network, (share) => progress('writing', share), logger);
  progress('indexing');
  await buildIndexes((share) => progress('indexing', share));
  const writeMs = Math.round(performance.now() - writeStarted);
  progress('done', 1);
  logger?.info({ ...counts, generateMs, writeMs }, 'demo network loaded');
  return { options, counts, generateMs, writeMs };
}
