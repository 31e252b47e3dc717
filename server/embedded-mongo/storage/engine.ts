import { type Document, type Timestamp } from 'bson';

import { ChangeEventLog, type ChangeRecord } from '../change-stream/change-event-log';
import { ErrorCode, MongoCommandError, writeConflict } from '../errors';
import { Catalog } from './catalog';
import { type Collection } from './collection';
import { idKeyOf } from './id-key';
import { type IndexSpec } from './index-spec';
import { PendingJournal } from './pending-journal';
import { type StoredDoc } from './stored-doc';
import { VersionHistory } from './version-history';

/** A change to one document, applied to committed state by Engine.applyWrites. */
export type DocumentWrite =
  | { kind: 'insert'; collection: Collection; doc: Document }
  | {
      kind: 'update';
      collection: Collection;
      before: Document;
      doc: Document;
      /** Absent for a whole-document replacement. */
      description?: { updatedFields: Document; removedFields: string[] };
    }
  | { kind: 'delete'; collection: Collection; before: Document };

/** Who is writing: an open transaction owns the documents it has written until it ends. */
export interface WriteOwner {
  lsid?: Document;
  txnNumber?: unknown;
}

/** Receives one record per commit; the durability layer writes it to the journal. */
export interface CommitSink {
  append(ops: Document[]): void;
  /** Resolves once everything appended so far is on the device, not only handed to the kernel. */
  durable(): Promise<void>;
}

/**
 * The committed state of all databases, the change history, and the commit pipeline every write goes
 * through: lock check → apply (all or nothing) → change events → journal record (at flush).
 */
export class Engine {
  readonly catalog = new Catalog();
  readonly changes: ChangeEventLog;
  /** Document lock key → the transaction that has written it and not yet finished. */
  readonly locks = new Map<string, WriteOwner>();
  /** Older document versions for transactions reading from a snapshot. */
  readonly history = new VersionHistory();
  sink?: CommitSink;
  /**
   * Change sequence numbers start from the clock, so resume tokens from before a restart are recognisably
   * older than anything this process remembers (the change history is not persisted).
   */
  private readonly firstSeq = Date.now() * 1000;
  private seq = this.firstSeq;
  private readonly pending = new PendingJournal();

  constructor({ retainedChanges }: { retainedChanges?: number } = {}) {
    this.changes = new ChangeEventLog({ capacity: retainedChanges, startSeq: this.firstSeq });
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** The cluster time of the latest change, reported as operationTime. */
  currentClusterTime(): Timestamp {
    return this.changes.clusterTimeAt(this.seq, Date.now());
  }

  static lockKey(collection: Collection, id: string): string {
    return `${collection.ns}\u0000${id}`;
  }

  private nextChange(record: Omit<ChangeRecord, 'seq' | 'wallTimeMs'>): void {
    // Callers pass a fresh object, so it is completed in place rather than copied.
    const complete = record as ChangeRecord;
    complete.seq = ++this.seq;
    complete.wallTimeMs = Date.now();
    this.changes.append(complete);
  }

  /** Queues a journal operation, written by the next flush(). */
  record(op: Document): void {
    if (this.sink) this.pending.add(op);
  }

  /** Writes the queued operations to the journal. Called before a command's reply is sent. */
  flush(): void {
    if (this.pending.isEmpty || !this.sink) return;
    for (const ops of this.pending.takeRecords()) this.sink.append(ops);
  }

  /**
   * Resolves once every flushed record is on disk (for `j: true`); at once when nothing is persisted.
   * Call after flush().
   */
  durable(): Promise<void> | undefined {
    return this.sink?.durable();
  }

  ensureCollection(db: string, name: string): Collection {
    return this.catalog.get(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Document): Collection {
    const collection = this.catalog.create(db, name, options);
    this.record({ op: 'create', db, coll: name, options, uuid: collection.uuid });
    return collection;
  }

  dropCollection(db: string, name: string): boolean {
    const collection = this.catalog.drop(db, name);
    if (!collection) return false;
    this.record({ op: 'drop', db, coll: name });
    this.nextChange({ operationType: 'drop', db, coll: name });
    return true;
  }

  dropDatabase(db: string): void {
    const collections = this.catalog.dropDatabase(db);
    this.record({ op: 'dropDatabase', db });
    for (const collection of collections) this.nextChange({ operationType: 'drop', db, coll: collection.name });
    this.nextChange({ operationType: 'dropDatabase', db });
  }

  renameCollection(collection: Collection, toDb: string, toName: string): void {
    const from = { db: collection.db, coll: collection.name };
    this.catalog.rename(collection, toDb, toName);
    this.record({ op: 'rename', db: from.db, coll: from.coll, toDb, toColl: toName });
    this.nextChange({ operationType: 'rename', ...from, to: { db: toDb, coll: toName } });
  }

  createIndex(collection: Collection, spec: IndexSpec): void {
    collection.addIndex(spec);
    this.record({ op: 'createIndex', db: collection.db, coll: collection.name, spec });
  }

  /** Changes index options that collMod may change (expireAfterSeconds, hidden). */
  modifyIndex(collection: Collection, name: string, changes: { expireAfterSeconds?: number; hidden?: boolean }): void {
    const index = collection.indexes.get(name);
    if (!index) return;
    Object.assign(index.spec, changes);
    if (index.spec.hidden === false) delete index.spec.hidden;
    this.record({ op: 'modifyIndex', db: collection.db, coll: collection.name, name, changes });
  }

  dropIndex(collection: Collection, name: string): void {
    collection.indexes.delete(name);
    this.record({ op: 'dropIndex', db: collection.db, coll: collection.name, name });
  }

  /** Throws WriteConflict when another open transaction owns the document. */
  assertNotLocked(collection: Collection, id: string, owner?: WriteOwner): void {
    if (this.locks.size === 0) return;
    const holder = this.locks.get(Engine.lockKey(collection, id));
    if (holder && holder !== owner) throw writeConflict();
  }

  /** Applies writes to committed state atomically: if any fails, those already applied are undone. */
  applyWrites(writes: DocumentWrite[], owner?: WriteOwner): void {
    for (const write of writes) {
      // A transaction may have staged writes into a collection that was dropped since.
      if (this.catalog.get(write.collection.db, write.collection.name) !== write.collection) throw writeConflict();
      const doc = write.kind === 'delete' ? write.before : write.doc;
      if (this.locks.size > 0) this.assertNotLocked(write.collection, idKeyOf(doc._id), owner);
    }
    const undo: Array<() => void> = [];
    try {
      for (const write of writes) undo.push(this.applyOne(write));
    } catch (error) {
      for (const revert of undo.reverse()) revert();
      throw error;
    }
    // The writes of one commit go to the journal together, in one record.
    this.pending.beginGroup();
    for (const write of writes) this.publish(write, owner);
    this.pending.endGroup();
  }

  private applyOne(write: DocumentWrite): () => void {
    const { collection } = write;
    if (write.kind === 'insert') {
      const stored: StoredDoc = { id: idKeyOf(write.doc._id), doc: write.doc, version: this.seq + 1 };
      collection.insert(stored);
      this.history.recordInserted(collection, stored.id);
      return () => collection.remove(stored);
    }
    const id = idKeyOf(write.before._id);
    const current = collection.get(id);
    if (!current) {
      throw new MongoCommandError(ErrorCode.WriteConflict, 'the document was removed by a concurrent operation', {
        labels: ['TransientTransactionError'],
      });
    }
    if (write.kind === 'delete') {
      collection.remove(current);
      this.history.recordReplaced(collection, current, this.seq + 1, true);
      return () => collection.insert(current);
    }
    const next: StoredDoc = { id, doc: write.doc, version: this.seq + 1 };
    collection.replace(current, next);
    this.history.recordReplaced(collection, current, next.version, false);
    return () => collection.replace(next, current);
  }

  private publish(write: DocumentWrite, owner?: WriteOwner): void {
    const { collection } = write;
    const ns = { db: collection.db, coll: collection.name };
    const txn = owner?.txnNumber !== undefined ? { lsid: owner.lsid, txnNumber: owner.txnNumber } : {};
    if (write.kind === 'insert') {
      this.record({ op: 'i', ...ns, doc: write.doc });
      this.nextChange({
        operationType: 'insert',
        ...ns,
        ...txn,
        documentKey: { _id: write.doc._id },
        fullDocument: write.doc,
      });
    } else if (write.kind === 'update') {
      this.record({ op: 'u', ...ns, doc: write.doc });
      this.nextChange({
        operationType: write.description ? 'update' : 'replace',
        ...ns,
        ...txn,
        documentKey: { _id: write.doc._id },
        fullDocument: write.doc,
        fullDocumentBeforeChange: write.before,
        updateDescription: write.description ? { ...write.description, truncatedArrays: [] } : undefined,
      });
    } else {
      this.record({ op: 'd', ...ns, id: write.before._id });
      this.nextChange({
        operationType: 'delete',
        ...ns,
        ...txn,
        documentKey: { _id: write.before._id },
        fullDocumentBeforeChange: write.before,
      });
    }
  }
}
