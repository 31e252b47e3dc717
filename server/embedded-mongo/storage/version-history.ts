import { type Collection } from './collection';
import { type StoredDoc } from './stored-doc';

/** A version a document had from `version` on; `stored` undefined means it did not exist from then on. */
interface PastVersion {
  version: number;
  stored?: StoredDoc;
}

/**
 * Earlier versions of documents, kept while transactions that read from an older snapshot are open, so each
 * transaction sees the data as it was when it started (snapshot isolation). Nothing is kept when no
 * transaction is open, so ordinary writes pay nothing.
 */
export class VersionHistory {
  private readonly byCollection = new Map<Collection, Map<string, PastVersion[]>>();
  /** Documents inserted while history was kept: they have no past version, but snapshots must not count them. */
  private readonly insertedByCollection = new Map<Collection, Set<string>>();
  private readonly readers = new Set<object>();

  get active(): boolean {
    return this.readers.size > 0;
  }

  openSnapshot(reader: object): void {
    this.readers.add(reader);
  }

  closeSnapshot(reader: object): void {
    this.readers.delete(reader);
    if (this.readers.size === 0) {
      this.byCollection.clear();
      this.insertedByCollection.clear();
    }
  }

  recordInserted(collection: Collection, id: string): void {
    if (!this.active) return;
    let inserted = this.insertedByCollection.get(collection);
    if (!inserted) {
      inserted = new Set();
      this.insertedByCollection.set(collection, inserted);
    }
    inserted.add(id);
  }

  /** Records that `previous` stops being current at `version` (replaced by a newer version, or removed). */
  recordReplaced(collection: Collection, previous: StoredDoc, version: number, removed: boolean): void {
    if (!this.active) return;
    let versions = this.byCollection.get(collection);
    if (!versions) {
      versions = new Map();
      this.byCollection.set(collection, versions);
    }
    let past = versions.get(previous.id);
    if (!past) {
      past = [];
      versions.set(previous.id, past);
    }
    past.push({ version: previous.version, stored: previous });
    if (removed) past.push({ version });
  }

  /** The version of a document visible at snapshot `seq`, given its current committed version. */
  visibleAt(collection: Collection, id: string, current: StoredDoc | undefined, seq: number): StoredDoc | undefined {
    if (current && current.version <= seq) return current;
    const past = this.byCollection.get(collection)?.get(id);
    if (!past) return undefined;
    for (let i = past.length - 1; i >= 0; i--) if (past[i].version <= seq) return past[i].stored;
    return undefined;
  }

  /** Ids of documents of the collection that changed while history was kept. */
  changedIds(collection: Collection): Iterable<string> {
    return this.byCollection.get(collection)?.keys() ?? [];
  }

  /**
   * Ids of every document of the collection written while history was kept (changed, removed or inserted):
   * for any other document, the current version is the one every open snapshot sees.
   */
  *touchedIds(collection: Collection): Generator<string> {
    const changed = this.byCollection.get(collection);
    if (changed) yield* changed.keys();
    for (const id of this.insertedByCollection.get(collection) ?? []) if (!changed?.has(id)) yield id;
  }

  hasChanges(collection: Collection): boolean {
    return (this.byCollection.get(collection)?.size ?? 0) > 0;
  }
}
