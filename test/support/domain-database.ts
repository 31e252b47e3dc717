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
  for (const model of ALL_MODELS) await model.collection.deleteMany({});
  clearReadModelCaches();
}

export async function disconnectDomainDatabase(): Promise<void> {
  await mongoose.disconnect();
}
