import { type Binary, type Document } from 'bson';

import { Collection } from '../storage/collection';
import { CollectionIndex } from '../storage/collection-index';
import { type Engine } from '../storage/engine';
import { idKeyOf } from '../storage/id-key';
import { type IndexSpec } from '../storage/index-spec';

/**
 * Rebuilds committed state from a snapshot and journal records without re-journaling or emitting change
 * events. Documents are loaded without index maintenance; every index is built once at the end.
 */
export class Replayer {
  constructor(private readonly engine: Engine) {}

  private collection(db: string, coll: string): Collection {
    const existing = this.engine.catalog.get(db, coll);
    if (existing) return existing;
    const created = new Collection(db, coll, {});
    this.engine.catalog.attach(created);
    return created;
  }

  applySnapshotRecord(record: Document): void {
    if (record.kind === 'collection') {
      const collection = new Collection(
        String(record.db),
        String(record.coll),
        record.options ?? {},
        record.uuid as Binary | undefined,
      );
      for (const spec of (record.indexes ?? []) as IndexSpec[])
        collection.indexes.set(spec.name, new CollectionIndex(spec));
      this.engine.catalog.attach(collection);
    } else if (record.kind === 'docs') {
      const collection = this.collection(String(record.db), String(record.coll));
      for (const doc of record.docs as Document[]) collection.loadUnchecked({ id: idKeyOf(doc._id), doc, version: 0 });
    }
  }

  applyJournalRecord(record: Document): void {
    for (const op of (record.ops ?? []) as Document[]) this.applyOp(op);
  }

  private applyOp(op: Document): void {
    const { catalog } = this.engine;
    const db = String(op.db);
    const coll = String(op.coll);
    switch (op.op) {
      case 'i':
      case 'u':
        this.collection(db, coll).loadUnchecked({ id: idKeyOf(op.doc._id), doc: op.doc, version: 0 });
        break;
      case 'd':
        catalog.get(db, coll)?.docs.delete(idKeyOf(op.id));
        break;
      case 'create':
        if (!catalog.get(db, coll))
          catalog.attach(new Collection(db, coll, op.options ?? {}, op.uuid as Binary | undefined));
        break;
      case 'drop':
        catalog.drop(db, coll);
        break;
      case 'dropDatabase':
        catalog.dropDatabase(db);
        break;
      case 'rename': {
        const source = catalog.get(db, coll);
        if (source) catalog.rename(source, String(op.toDb), String(op.toColl));
        break;
      }
      case 'createIndex': {
        const spec = op.spec as IndexSpec;
        this.collection(db, coll).indexes.set(spec.name, new CollectionIndex(spec));
        break;
      }
      case 'modifyIndex': {
        const index = catalog.get(db, coll)?.indexes.get(String(op.name));
        if (index) Object.assign(index.spec, op.changes);
        if (index?.spec.hidden === false) delete index.spec.hidden;
        break;
      }
      case 'dropIndex':
        catalog.get(db, coll)?.indexes.delete(String(op.name));
        break;
      default:
        throw new Error(`journal record has an unknown operation ${JSON.stringify(op.op)}`);
    }
  }

  finish(): void {
    for (const collection of this.engine.catalog.allCollections()) collection.rebuildIndexes();
  }
}
