import { BSON, type Document } from 'bson';

import { knownDocumentSize } from '../bson/document-size';
import { type CursorBatch, type ServerCursor } from './cursor-registry';

/** Replies stay under MongoDB's 16 MiB document limit, leaving room for the reply envelope. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
export const DEFAULT_FIRST_BATCH = 101;

/** A document's encoded size: remembered for documents read off the wire, measured otherwise. */
function encodedSize(doc: Document): number {
  return knownDocumentSize(doc) ?? BSON.calculateObjectSize(doc);
}

/**
 * Takes up to `batchSize` items (0/undefined: no count limit), stopping early once the batch would exceed
 * the reply size limit; at least one item is always taken so a cursor makes progress. Sizes are measured
 * only once a second document is considered, so a one-document batch (findOne) measures nothing.
 */
export function takeBatch<T>(
  items: T[],
  start: number,
  batchSize: number | undefined,
  toDocument: (item: T) => Document,
): Document[] {
  const limit = batchSize && batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY;
  const out: Document[] = [];
  let bytes = 0;
  for (let i = start; i < items.length && out.length < limit; i++) {
    const doc = toDocument(items[i]);
    if (out.length > 0) {
      if (out.length === 1) bytes = encodedSize(out[0]);
      bytes += encodedSize(doc);
      if (bytes > MAX_BATCH_BYTES) break;
    }
    out.push(doc);
  }
  return out;
}

/** A cursor over an already computed result (find, aggregate, listIndexes, …). */
export class DocumentCursor<T> implements ServerCursor {
  private position = 0;

  constructor(
    readonly ns: string,
    private readonly items: T[],
    private readonly toDocument: (item: T) => Document,
    readonly sessionKey?: string,
  ) {}

  get exhausted(): boolean {
    return this.position >= this.items.length;
  }

  nextBatch({ batchSize }: { batchSize?: number }): CursorBatch {
    const docs = takeBatch(this.items, this.position, batchSize, this.toDocument);
    this.position += docs.length;
    return { docs, exhausted: this.exhausted };
  }

  close(): void {
    this.position = this.items.length;
  }
}
