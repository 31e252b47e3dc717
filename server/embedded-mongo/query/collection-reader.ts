import { type Collection } from '../storage/collection';
import { type StoredDoc } from '../storage/stored-doc';

/**
 * What a command reads: the committed collection, optionally with a transaction's own uncommitted writes laid
 * over it (`null` marks a document the transaction deleted).
 */
export class CollectionReader {
  constructor(
    readonly collection: Collection | undefined,
    readonly overlay?: ReadonlyMap<string, StoredDoc | null>,
  ) {}

  get(id: string): StoredDoc | undefined {
    if (this.overlay?.has(id)) return this.overlay.get(id) ?? undefined;
    return this.collection?.get(id);
  }

  get hasOverlay(): boolean {
    return this.overlay !== undefined && this.overlay.size > 0;
  }

  /** True when the id's committed version is hidden by the overlay (rewritten or deleted in the transaction). */
  shadowed(id: string): boolean {
    return this.overlay?.has(id) ?? false;
  }

  /** The transaction's own live documents, to add to whatever the committed indexes found. */
  *overlayDocs(): Generator<StoredDoc> {
    if (!this.overlay) return;
    for (const stored of this.overlay.values()) if (stored) yield stored;
  }

  *allDocs(): Generator<StoredDoc> {
    if (this.collection) {
      for (const stored of this.collection.docs.values()) if (!this.shadowed(stored.id)) yield stored;
    }
    yield* this.overlayDocs();
  }

  get exists(): boolean {
    return this.collection !== undefined || this.hasOverlay;
  }
}
