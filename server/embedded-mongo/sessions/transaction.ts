import { type Document } from 'bson';

import { documentSize } from '../bson/document-size';
import { ErrorCode, MongoCommandError, writeConflict } from '../errors';
import { CollectionReader } from '../query/collection-reader';
import { type Collection } from '../storage/collection';
import { CollectionIndex } from '../storage/collection-index';
import { type DataAccess } from '../storage/data-access';
import { duplicateKeyError } from '../storage/duplicate-key';
import { Engine, type DocumentWrite, type WriteOwner } from '../storage/engine';
import { idKeyOf } from '../storage/id-key';
import { type StoredDoc } from '../storage/stored-doc';

export type TransactionState = 'open' | 'committed' | 'aborted';

/** A transaction is journaled as one record, which the BSON encoder can write up to about 16 MB. */
export const MAX_TRANSACTION_BYTES = 16 * 1024 * 1024;

/**
 * A multi-document transaction: its writes are staged in per-collection overlays that only its own reads
 * see, and the documents it touches are locked against other writers until it commits or aborts.
 * Reads see the latest committed data plus the transaction's own writes.
 */
export class Transaction implements DataAccess {
  readonly inTransaction = true;
  state: TransactionState = 'open';
  /** Every read of the transaction sees committed data as of this sequence number (snapshot isolation). */
  readonly snapshotSeq: number;
  readonly startedAt = Date.now();
  private readonly overlays = new Map<Collection, Map<string, StoredDoc | null>>();
  /**
   * The keys of the documents staged in each collection, per unique index: a staged document is
   * checked against its fellows by one lookup, not by comparing it with every other (a transaction
   * inserting thousands of documents would otherwise take quadratic time).
   */
  private readonly stagedKeys = new Map<Collection, Map<CollectionIndex, CollectionIndex>>();
  private readonly writes: DocumentWrite[] = [];
  private readonly lockKeys: string[] = [];

  constructor(
    private readonly engine: Engine,
    readonly owner: WriteOwner & { txnNumber: bigint },
  ) {
    this.snapshotSeq = engine.lastSeq;
    engine.history.openSnapshot(this);
  }

  get txnNumber(): bigint {
    return this.owner.txnNumber;
  }

  reader(db: string, name: string): CollectionReader {
    const collection = this.engine.catalog.get(db, name);
    return new CollectionReader(collection, collection ? this.overlays.get(collection) : undefined, {
      seq: this.snapshotSeq,
      history: this.engine.history,
    });
  }

  collectionForWrite(db: string, name: string): Collection {
    // NOTE: creating a collection is not rolled back by an abort; MongoDB commits implicit creations the same way.
    return this.engine.ensureCollection(db, name);
  }

  insert(collection: Collection, doc: Document): void {
    const id = idKeyOf(doc._id);
    this.lock(collection, id);
    this.assertUnchangedSinceSnapshot(collection, id);
    if (this.reader(collection.db, collection.name).get(id)) {
      throw duplicateKeyError({
        ns: collection.ns,
        indexName: '_id_',
        keyPattern: { _id: 1 },
        keyValue: { _id: doc._id },
      });
    }
    this.stage(collection, { id, doc, version: 0 });
    this.writes.push({ kind: 'insert', collection, doc });
  }

  update(
    collection: Collection,
    before: Document,
    doc: Document,
    description?: { updatedFields: Document; removedFields: string[] },
  ): void {
    const id = idKeyOf(doc._id);
    this.lock(collection, id);
    this.assertUnchangedSinceSnapshot(collection, id);
    this.stage(collection, { id, doc, version: 0 });
    this.writes.push({ kind: 'update', collection, before, doc, description });
  }

  remove(collection: Collection, before: Document): void {
    const id = idKeyOf(before._id);
    this.lock(collection, id);
    this.assertUnchangedSinceSnapshot(collection, id);
    const overlay = this.overlayOf(collection);
    const staged = overlay.get(id);
    if (staged) for (const keys of this.stagedKeys.get(collection)?.values() ?? []) keys.remove(staged);
    overlay.set(id, null);
    this.writes.push({ kind: 'delete', collection, before });
  }

  /** Applies every staged write atomically; on failure nothing is applied and the transaction is aborted. */
  commit(): void {
    this.assertOpen();
    const bytes = this.writes.reduce(
      (sum, write) => sum + documentSize(write.kind === 'delete' ? write.before : write.doc),
      0,
    );
    if (bytes > MAX_TRANSACTION_BYTES) {
      this.abort();
      throw new MongoCommandError(
        ErrorCode.TransactionTooLarge,
        `Total size of all transaction operations must be less than ${MAX_TRANSACTION_BYTES}. Actual size is ${bytes}`,
      );
    }
    try {
      this.engine.applyWrites(this.writes, this.owner);
      this.state = 'committed';
    } catch (error) {
      this.state = 'aborted';
      throw error;
    } finally {
      this.releaseLocks();
    }
  }

  abort(): void {
    if (this.state === 'open') this.state = 'aborted';
    this.releaseLocks();
  }

  assertOpen(): void {
    if (this.state !== 'open') {
      throw new MongoCommandError(
        ErrorCode.NoSuchTransaction,
        `Transaction ${this.txnNumber} has been ${this.state}.`,
        { labels: ['TransientTransactionError'] },
      );
    }
  }

  private overlayOf(collection: Collection): Map<string, StoredDoc | null> {
    let overlay = this.overlays.get(collection);
    if (!overlay) {
      overlay = new Map();
      this.overlays.set(collection, overlay);
    }
    return overlay;
  }

  private lock(collection: Collection, id: string): void {
    this.engine.assertNotLocked(collection, id, this.owner);
    const key = Engine.lockKey(collection, id);
    if (!this.engine.locks.has(key)) {
      this.engine.locks.set(key, this.owner);
      this.lockKeys.push(key);
    }
  }

  /**
   * A document changed (or created, or deleted) by someone else after this transaction's snapshot cannot be
   * written by it: the write would be based on data that is no longer current. MongoDB answers WriteConflict,
   * and the driver retries the whole transaction.
   */
  private assertUnchangedSinceSnapshot(collection: Collection, id: string): void {
    const overlay = this.overlays.get(collection);
    if (overlay?.has(id)) return;
    const current = collection.get(id);
    const visible = this.engine.history.visibleAt(collection, id, current, this.snapshotSeq);
    if (current !== visible) throw writeConflict();
  }

  private releaseLocks(): void {
    this.engine.history.closeSnapshot(this);
    for (const key of this.lockKeys) if (this.engine.locks.get(key) === this.owner) this.engine.locks.delete(key);
    this.lockKeys.length = 0;
  }

  /** Checks unique indexes against committed documents and the transaction's other staged documents. */
  private stage(collection: Collection, stored: StoredDoc): void {
    const overlay = this.overlayOf(collection);
    collection.prepareKeys(stored, overlay);
    const stagedKeys = this.stagedKeysOf(collection, overlay);
    for (const [index, keys] of stagedKeys) {
      // The document's own earlier staged version (same id) is not a clash.
      const conflict = keys.findConflict(stored);
      if (conflict) {
        throw duplicateKeyError({
          ns: collection.ns,
          indexName: index.name,
          keyPattern: index.spec.key,
          keyValue: index.keyValueDocument(conflict.key),
        });
      }
    }
    const previous = overlay.get(stored.id);
    for (const keys of stagedKeys.values()) {
      if (previous) keys.remove(previous);
      keys.add(stored);
    }
    overlay.set(stored.id, stored);
  }

  /** The staged documents' keys for each unique secondary index of the collection (built on first use). */
  private stagedKeysOf(
    collection: Collection,
    overlay: Map<string, StoredDoc | null>,
  ): Map<CollectionIndex, CollectionIndex> {
    let byIndex = this.stagedKeys.get(collection);
    if (!byIndex) {
      byIndex = new Map();
      this.stagedKeys.set(collection, byIndex);
    }
    for (const index of collection.indexes.values()) {
      if (!index.unique || index.name === '_id_' || byIndex.has(index)) continue;
      const keys = new CollectionIndex(index.spec);
      keys.build([...overlay.values()].filter((doc): doc is StoredDoc => doc !== null));
      byIndex.set(index, keys);
    }
    return byIndex;
  }
}
