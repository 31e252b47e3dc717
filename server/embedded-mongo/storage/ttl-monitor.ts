import { isPlainObject } from '../bson/values';
import { MongoCommandError } from '../errors';
import { CollectionReader } from '../query/collection-reader';
import { findDocuments } from '../query/find-documents';
import { AutoCommitAccess } from './data-access';
import { type Engine } from './engine';

export const TTL_MONITOR_INTERVAL_MS = 60_000;

/**
 * Deletes documents whose TTL index date is older than the index's expireAfterSeconds, as MongoDB's TTL
 * monitor does (once a minute; documents may outlive their expiry by up to that long).
 * Returns how many documents were removed.
 */
export function removeExpiredDocuments(engine: Engine, now = Date.now()): number {
  const access = new AutoCommitAccess(engine);
  let removed = 0;
  for (const collection of engine.catalog.allCollections()) {
    for (const index of collection.indexes.values()) {
      const ttl = index.spec.expireAfterSeconds;
      if (typeof ttl !== 'number' || index.fields.length !== 1 || !isPlainObject(index.spec.key)) continue;
      const cutoff = new Date(now - ttl * 1000);
      const expired = findDocuments({
        reader: new CollectionReader(collection),
        filter: { [index.fields[0].path]: { $lt: cutoff } },
      });
      for (const stored of expired) {
        try {
          access.remove(collection, stored.doc);
          removed += 1;
        } catch (error) {
          // A document an open transaction is writing is left for the next pass.
          if (!(error instanceof MongoCommandError)) throw error;
        }
      }
    }
  }
  engine.flush();
  return removed;
}
