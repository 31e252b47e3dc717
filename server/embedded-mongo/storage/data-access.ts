import { type Document } from 'bson';

import { CollectionReader } from '../query/collection-reader';
import { type Collection } from './collection';
import { type Engine, type WriteOwner } from './engine';

/**
 * How a command reads and writes documents. Outside a transaction every write commits at once; inside one,
 * writes are staged in the transaction (see sessions/transaction.ts) and reads see them.
 */
export interface DataAccess {
  readonly owner?: WriteOwner;
  readonly inTransaction: boolean;
  reader(db: string, name: string): CollectionReader;
  collectionForWrite(db: string, name: string): Collection;
  insert(collection: Collection, doc: Document): void;
  update(
    collection: Collection,
    before: Document,
    doc: Document,
    description?: { updatedFields: Document; removedFields: string[] },
  ): void;
  remove(collection: Collection, before: Document): void;
}

export class AutoCommitAccess implements DataAccess {
  readonly inTransaction = false;

  constructor(private readonly engine: Engine) {}

  reader(db: string, name: string): CollectionReader {
    return new CollectionReader(this.engine.catalog.get(db, name));
  }

  collectionForWrite(db: string, name: string): Collection {
    return this.engine.ensureCollection(db, name);
  }

  insert(collection: Collection, doc: Document): void {
    this.engine.applyWrites([{ kind: 'insert', collection, doc }]);
  }

  update(
    collection: Collection,
    before: Document,
    doc: Document,
    description?: { updatedFields: Document; removedFields: string[] },
  ): void {
    this.engine.applyWrites([{ kind: 'update', collection, before, doc, description }]);
  }

  remove(collection: Collection, before: Document): void {
    this.engine.applyWrites([{ kind: 'delete', collection, before }]);
  }
}
