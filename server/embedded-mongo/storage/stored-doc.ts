import { type Document } from 'bson';

/**
 * One committed version of a document. Stored documents are never mutated: an update stores a new StoredDoc,
 * so readers, cursors and transaction snapshots can hold references safely.
 */
export interface StoredDoc {
  /** idKeyOf(doc._id) */
  readonly id: string;
  /** The document with its exact BSON types. */
  readonly doc: Document;
  /** Commit sequence number that wrote this version. */
  readonly version: number;
}
