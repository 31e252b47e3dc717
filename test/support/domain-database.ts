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

/**
 * Empties a collection. A transaction the previous test file in this worker left open (its
 * event handler cut off when the file ended) would hold its documents until the server's
 * transaction lifetime runs out, a minute later: it is ended with every other session
 * (MongoDB's killAllSessions) and the collection emptied again.
 */
async function emptyWhenUnlocked(collection: mongoose.mongo.Collection): Promise<void> {
  try {
    await collection.deleteMany({});
  } catch (error) {
    if ((error as { code?: number }).code !== WRITE_CONFLICT) throw error;
    await mongoose.connection.db!.admin().command({ killAllSessions: [] });
    await collection.deleteMany({});
  }
}

export async function disconnectDomainDatabase(): Promise<void> {
  await mongoose.disconnect();
}
