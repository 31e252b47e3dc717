import { type Document, Long } from 'bson';

import { DEFAULT_FIRST_BATCH, DocumentCursor } from '../cursors/document-cursor';
import { type CommandRequest } from './command-types';

/**
 * Answers a cursor-returning command from a computed result: the first batch inline, the rest behind a
 * registered cursor (id 0 when everything fit or a single batch was asked for).
 */
export function cursorReply<T>(
  request: CommandRequest,
  {
    ns,
    items,
    toDocument,
    batchSize,
    singleBatch = false,
  }: {
    ns: string;
    items: T[];
    toDocument: (item: T) => Document;
    batchSize?: number;
    singleBatch?: boolean;
  },
): Document {
  const cursor = new DocumentCursor(ns, items, toDocument, request.session?.key);
  const { docs, exhausted } = cursor.nextBatch({ batchSize: batchSize ?? DEFAULT_FIRST_BATCH });
  const open = !exhausted && !singleBatch;
  const id = open ? request.server.cursors.register(cursor) : Long.ZERO;
  return { cursor: { firstBatch: docs, id, ns }, ok: 1 };
}
