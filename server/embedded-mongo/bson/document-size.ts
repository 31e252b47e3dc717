import { BSON } from 'bson';

/**
 * Encoded BSON sizes of documents, remembered per object: documents read off the wire arrive with their size,
 * and stored documents are immutable, so each is measured at most once.
 */
const sizes = new WeakMap<object, number>();

export function rememberDocumentSize(doc: object, size: number): void {
  sizes.set(doc, size);
}

export function documentSize(doc: object): number {
  let size = sizes.get(doc);
  if (size === undefined) {
    size = BSON.calculateObjectSize(doc as Record<string, unknown>);
    sizes.set(doc, size);
  }
  return size;
}

export function knownDocumentSize(doc: object): number | undefined {
  return sizes.get(doc);
}
