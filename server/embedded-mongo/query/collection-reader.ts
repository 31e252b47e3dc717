import { type Collection } from '../storage/collection';
import { type StoredDoc } from '../storage/stored-doc';
import { type VersionHistory } from '../storage/version-history';

/** A transaction's view of committed data: as of sequence number `seq`. */
export interface Snapshot {
  seq: number;
  history: VersionHistory;
}

/**
 * What a command reads: the committed collection — as of a transaction's snapshot, when it has one — with the
 * transaction's own uncommitted writes laid over it (`null` marks a document the transaction deleted).
 */
export class CollectionReader {
  constructor(
    readonly collection: Collection | undefined,
    readonly overlay?: ReadonlyMap<string, StoredDoc | null>,
    readonly snapshot?: Snapshot,
  ) {}

  /** The committed version of a document this reader may see (ignoring the overlay). */
  committed(id: string): StoredDoc | undefined {
    const current = this.collection?.get(id);
    if (!this.snapshot || !this.collection) return current;
    return this.snapshot.history.visibleAt(this.collection, id, current, this.snapshot.seq);
  }

  get(id: string): StoredDoc | undefined {
    if (this.overlay?.has(id)) return this.overlay.get(id) ?? undefined;
    return this.committed(id);
  }

  /** True when index order cannot be trusted for this reader (overlaid or older versions are involved). */
  get hasOverlay(): boolean {
    if (this.overlay !== undefined && this.overlay.size > 0) return true;
    return (
      this.snapshot !== undefined && this.collection !== undefined && this.snapshot.history.hasChanges(this.collection)
    );
  }

  /** True when the id's committed version is hidden by the overlay (rewritten or deleted in the transaction). */
  shadowed(id: string): boolean {
    return this.overlay?.has(id) ?? false;
  }

  /**
   * Documents the committed indexes cannot find for this reader: the transaction's own live documents, and
   * older versions of documents changed since its snapshot.
   */
  *extraDocs(alreadyFound?: ReadonlySet<string>): Generator<StoredDoc> {
    if (this.snapshot && this.collection) {
      for (const id of this.snapshot.history.changedIds(this.collection)) {
        if (this.shadowed(id) || alreadyFound?.has(id)) continue;
        const visible = this.committed(id);
        if (visible) yield visible;
      }
    }
    if (this.overlay) for (const stored of this.overlay.values()) if (stored) yield stored;
  }

  *allDocs(): Generator<StoredDoc> {
    const found = new Set<string>();
    if (this.collection) {
      for (const current of this.collection.docs.values()) {
        if (this.shadowed(current.id)) continue;
        const visible = this.snapshot ? this.committed(current.id) : current;
        found.add(current.id);
        if (visible) yield visible;
      }
    }
    yield* this.extraDocs(found);
  }

  /**
   * How many documents this reader sees. Outside a transaction that is the collection's size; a snapshot only
   * adjusts it for the documents written since history was kept and for the transaction's own writes.
   */
  count(): number {
    const collection = this.collection;
    let n = collection?.docs.size ?? 0;
    if (this.snapshot && collection) {
      for (const id of this.snapshot.history.touchedIds(collection)) {
        n += (this.committed(id) ? 1 : 0) - (collection.get(id) ? 1 : 0);
      }
    }
    if (this.overlay) {
      for (const [id, stored] of this.overlay) n += (stored ? 1 : 0) - (this.committed(id) ? 1 : 0);
    }
    return n;
  }

  get exists(): boolean {
    return this.collection !== undefined || this.hasOverlay;
  }
}
