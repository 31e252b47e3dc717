import { BSON, type Document } from 'bson';

import { HEADER_BYTES, OpCode, readHeader, WireProtocolError } from './message-framer';
import { readBsonDocument } from './read-bson';

export interface ParsedOpQuery {
  requestId: number;
  fullCollectionName: string;
  query: Document;
}

/** Legacy OP_QUERY: drivers still open a connection with `isMaster` sent this way. */
export function parseOpQuery(message: Buffer): ParsedOpQuery {
  const header = readHeader(message);
  let offset = HEADER_BYTES + 4;
  const nameEnd = message.indexOf(0, offset);
  if (nameEnd < 0) throw new WireProtocolError('OP_QUERY collection name is not terminated');
  const fullCollectionName = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8;
  if (offset > message.length) throw new WireProtocolError('OP_QUERY is truncated');
  const { document } = readBsonDocument(message, offset, message.length);
  return { requestId: header.requestId, fullCollectionName, query: document };
}

export function serializeOpReply({
  requestId,
  responseTo,
  documents,
}: {
  requestId: number;
  responseTo: number;
  documents: Document[];
}): Buffer {
  const bodies = documents.map((doc) => BSON.serialize(doc, { ignoreUndefined: true }));
  const prefix = Buffer.alloc(HEADER_BYTES + 20);
  const length = prefix.length + bodies.reduce((sum, body) => sum + body.length, 0);
  prefix.writeInt32LE(length, 0);
  prefix.writeInt32LE(requestId, 4);
  prefix.writeInt32LE(responseTo, 8);
  prefix.writeInt32LE(OpCode.Reply, 12);
  prefix.writeInt32LE(0, 16); // responseFlags
  // cursorID (8 bytes) and startingFrom stay zero.
  prefix.writeInt32LE(documents.length, 32);
  return Buffer.concat([prefix, ...bodies], length);
}
