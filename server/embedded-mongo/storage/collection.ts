import { type Binary, type Document, UUID } from 'bson';

import { ErrorCode, MongoCommandError } from '../errors';
import { CollectionIndex, type IdFilter } from './collection-index';
import { duplicateKeyError } from './duplicate-key';
import { ID_INDEX_SPEC, type IndexSpec } from './index-spec';
import { type StoredDoc } from './stored-doc';

/** The committed documents of one collection, keyed by `_id`, with their indexes kept in step. */
export class Collection {
  readonly docs = new Map<string, StoredDoc>();
  readonly indexes = new Map<string, CollectionIndex>();
  readonly uuid: Binary;

  constructor(
    readonly db: string,
    public name: string,
    readonly options: Document = {},
    uuid?: Binary,
  ) {
    this.uuid = uuid ?? new UUID();
    this.indexes.set(ID_INDEX_SPEC.name, new CollectionIndex(ID_INDEX_SPEC));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get(id: string): StoredDoc | undefined {
    return this.docs.get(id);
  }

  /**
   * Computes every index's keys for a document (which also rejects unindexable documents) and checks the
   * unique ones, before anything is changed; `ignoreIds` are documents being replaced or hidden.
   */
  prepareKeys(stored: StoredDoc, ignoreIds?: IdFilter): Map<CollectionIndex, unknown[][]> {
    const keys = new Map<CollectionIndex, unknown[][]>();
    for (const index of this.indexes.values()) keys.set(index, index.keysOf(stored));
    this.assertUnique(stored, ignoreIds, keys);
    return keys;
  }

  /** Throws a duplicate key error if `stored` would violate a unique secondary index; `ignoreIds` are being replaced. */
  assertUnique(stored: StoredDoc, ignoreIds?: IdFilter, keys?: Map<CollectionIndex, unknown[][]>): void {
    for (const index of this.indexes.values()) {
      if (index.name === ID_INDEX_SPEC.name) continue;
      const conflict = index.findConflict(stored, ignoreIds, keys?.get(index));
      if (conflict) {
        throw duplicateKeyError({
          ns: this.ns,
          indexName: index.name,
          keyPattern: index.spec.key,
          keyValue: index.keyValueDocument(conflict.key),
        });
      }
    }
  }

  private assertIdFree(stored: StoredDoc): never {
    throw duplicateKeyError({
      ns: this.ns,
      indexName: '_id_',
      keyPattern: { _id: 1 },
      keyValue: { _id: stored.doc._id },
    });
  }

  insert(stored: StoredDoc): void {
    if (this.docs.has(stored.id)) this.assertIdFree(stored);
    const keys = this.prepareKeys(stored);
    this.docs.set(stored.id, stored);
    for (const [index, indexKeys] of keys) index.add(stored, indexKeys);
  }

  replace(before: StoredDoc, after: StoredDoc): void {
    if (before.id !== after.id)
      throw new MongoCommandError(
        ErrorCode.ImmutableField,
        "the (immutable) field '_id' was found to have been altered",
      );
    const keys = this.prepareKeys(after);
    for (const index of this.indexes.values()) index.remove(before);
    this.docs.set(after.id, after);
    for (const [index, indexKeys] of keys) index.add(after, indexKeys);
  }

  remove(stored: StoredDoc): void {
    const current = this.docs.get(stored.id);
    if (!current) return;
    for (const index of this.indexes.values()) index.remove(current);
    this.docs.delete(stored.id);
  }

  /** Loads documents without per-document checks (journal replay); call rebuildIndexes afterwards. */
  loadUnchecked(stored: StoredDoc): void {
    this.docs.set(stored.id, stored);
  }

  rebuildIndexes(): void {
    for (const index of this.indexes.values()) index.build(this.docs.values());
  }

  /** Builds a new index over the existing documents; fails without side effects if a unique key repeats. */
  addIndex(spec: IndexSpec): CollectionIndex {
    const index = new CollectionIndex(spec);
    index.build(this.docs.values());
    if (index.unique) {
      let previous: { key: unknown[] } | undefined;
      for (const entry of index.tree.ascendingFrom()) {
        if (previous && index.compareEntries({ key: previous.key, id: '' }, { key: entry.key, id: '' }) === 0) {
          throw duplicateKeyError({
            ns: this.ns,
            indexName: spec.name,
            keyPattern: spec.key,
            keyValue: index.keyValueDocument(entry.key),
          });
        }
        previous = entry;
      }
    }
    this.indexes.set(spec.name, index);
    return index;
  }
}
