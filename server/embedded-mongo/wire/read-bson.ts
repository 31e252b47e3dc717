import { BSON, type Document } from 'bson';

import { rememberDocumentSize } from '../bson/document-size';
import { WireProtocolError } from './message-framer';

/** Keeps every BSON type as sent (Int32, Double, Long, BSONRegExp) so that values round-trip unchanged. */
export const TYPE_PRESERVING = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: true,
} as const;

/**
 * Reads one length-prefixed BSON document at `offset`, refusing sizes that run past `limit`. With `keepSize`
 * the encoded size is remembered for the document (documents about to be stored need it; a command body
 * does not, and remembering costs a weak-map entry per request).
 */
export function readBsonDocument(
  buffer: Buffer,
  offset: number,
  limit: number,
  { keepSize = false }: { keepSize?: boolean } = {},
): { document: Document; next: number } {
  if (limit - offset < 5) throw new WireProtocolError('BSON document is truncated');
  const size = buffer.readInt32LE(offset);
  if (size < 5 || offset + size > limit) throw new WireProtocolError(`BSON document size ${size} is out of bounds`);
  if (buffer[offset + size - 1] !== 0) throw new WireProtocolError('BSON document is not terminated');
  try {
    const document = BSON.deserialize(buffer.subarray(offset, offset + size), TYPE_PRESERVING);
    if (keepSize) rememberDocumentSize(document, size);
    return { document, next: offset + size };
  } catch (error) {
    throw new WireProtocolError(`invalid BSON: ${(error as Error).message}`);
  }
}
