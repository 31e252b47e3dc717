import { BSON, type Document } from 'bson';

import { type Engine } from '../storage/engine';

/** Snapshot records carry at most about this many bytes of documents each (the journal caps records at 48 MB). */
const DOCS_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * The snapshot is a sequence of records: one `collection` record (options and index specs) per collection,
 * each followed by `docs` records holding that collection's documents in chunks.
 */
export function* snapshotRecords(engine: Engine): Generator<Document> {
  yield { kind: 'meta', format: 1, createdAt: new Date() };
  for (const collection of engine.catalog.allCollections()) {
    yield {
      kind: 'collection',
      db: collection.db,
      coll: collection.name,
      options: collection.options,
      uuid: collection.uuid,
      indexes: [...collection.indexes.values()].filter((index) => index.name !== '_id_').map((index) => index.spec),
    };
    let chunk: Document[] = [];
    let bytes = 0;
    for (const stored of collection.docs.values()) {
      chunk.push(stored.doc);
      bytes += BSON.calculateObjectSize(stored.doc);
      if (bytes >= DOCS_RECORD_BYTES) {
        yield { kind: 'docs', db: collection.db, coll: collection.name, docs: chunk };
        chunk = [];
        bytes = 0;
      }
    }
    if (chunk.length > 0) yield { kind: 'docs', db: collection.db, coll: collection.name, docs: chunk };
  }
}
