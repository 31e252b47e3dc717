import mongoose from 'mongoose';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { ALL_MODELS, ensureCollectionsAndIndexes } from '#server/models/index';

import { testDatabaseUri } from './test-database';

/**
 * Connects the process-wide Mongoose connection (the one the models and services use) to this
 * worker's test database, with every collection and index in place.
 */
export async function connectDomainDatabase(): Promise<void> {
  if (mongoose.connection.readyState !== 1)
    await mongoose.connect(testDatabaseUri(), { serverSelectionTimeoutMS: 10_000 });
  await ensureCollectionsAndIndexes();
}

/**
 * Empties every Kiwanda collection, keeping collections and indexes, and drops every kept read
 * model: the data under them went without the events that would have dropped them.
 */
export async function clearDomainDatabase(): Promise<void> {
  for (const model of ALL_MODELS) await emptyWhenUnlocked(model.collection);
  clearReadModelCaches();
}

/** MongoDB's WriteConflict: a document is held by a transaction not yet committed or aborted. */
const WRITE_CONFLICT = 112;
const UNLOCK_WAIT_MS = 15_000;

/**
 * Empties a collection, waiting while a transaction still holds some of its documents: work the
 * previous test file set going after its last assertion (an event handler's transaction) may
 * still be finishing in this worker. The embedded server answers such a write WriteConflict at
 * once, where MongoDB's server would retry it internally until the transaction ends.
 */
async function emptyWhenUnlocked(collection: mongoose.mongo.Collection): Promise<void> {
  const giveUpAt = Date.now() + UNLOCK_WAIT_MS;
  for (;;) {
    try {
      await collection.deleteMany({});
      return;
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code !== WRITE_CONFLICT || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function disconnectDomainDatabase(): Promise<void> {
  await mongoose.disconnect();
}
