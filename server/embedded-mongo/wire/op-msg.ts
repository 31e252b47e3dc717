import { BSON, type Document } from 'bson';

import { crc32c } from './crc32c';
import { HEADER_BYTES, OpCode, readHeader, WireProtocolError } from './message-framer';
import { readBsonDocument } from './read-bson';

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
const EXHAUST_ALLOWED = 1 << 16;
/** Bits 0-15 are "required": a receiver must reject flags it does not understand among them. */
const KNOWN_REQUIRED_BITS = CHECKSUM_PRESENT | MORE_TO_COME;

export interface ParsedOpMsg {
  requestId: number;
  moreToCome: boolean;
  exhaustAllowed: boolean;
  /** The body document with any document-sequence sections folded in as arrays under their identifiers. */
  command: Document;
}

export function parseOpMsg(message: Buffer): ParsedOpMsg {
  const header = readHeader(message);
  if (message.length < HEADER_BYTES + 5) throw new WireProtocolError('OP_MSG is too short');
  const flags = message.readUInt32LE(HEADER_BYTES);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_BITS) !== 0) {
    throw new WireProtocolError(`OP_MSG has unknown required flag bits 0x${flags.toString(16)}`);
  }
  let end = message.length;
  if (flags & CHECKSUM_PRESENT) {
    end -= 4;
    if (end < HEADER_BYTES + 5) throw new WireProtocolError('OP_MSG is too short for its checksum');
    const expected = message.readUInt32LE(end);
    if (crc32c(message.subarray(0, end)) !== expected) throw new WireProtocolError('OP_MSG checksum mismatch');
  }
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  let offset = HEADER_BYTES + 4;
  while (offset < end) {
    const kind = message[offset];
    offset += 1;
    if (kind === 0) {
      if (body) throw new WireProtocolError('OP_MSG has more than one body section');
      const read = readBsonDocument(message, offset, end);
      body = read.document;
      offset = read.next;
    } else if (kind === 1) {
      if (end - offset < 4) throw new WireProtocolError('OP_MSG document sequence is truncated');
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end) throw new WireProtocolError('OP_MSG document sequence has a bad size');
      const nameEnd = message.indexOf(0, offset + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd)
        throw new WireProtocolError('OP_MSG document sequence has no identifier');
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const documents: Document[] = [];
      let cursor = nameEnd + 1;
      while (cursor < sectionEnd) {
        const read = readBsonDocument(message, cursor, sectionEnd, { keepSize: true });
        documents.push(read.document);
        cursor = read.next;
      }
      sequences.push([identifier, documents]);
      offset = sectionEnd;
    } else {
      throw new WireProtocolError(`OP_MSG has unknown section kind ${kind}`);
    }
  }
  if (!body) throw new WireProtocolError('OP_MSG has no body section');
  for (const [identifier, documents] of sequences) {
    if (identifier in body) throw new WireProtocolError(`OP_MSG field ${identifier} appears twice`);
    body[identifier] = documents;
  }
  return {
    requestId: header.requestId,
    moreToCome: (flags & MORE_TO_COME) !== 0,
    exhaustAllowed: (flags & EXHAUST_ALLOWED) !== 0,
    command: body,
  };
}

export function serializeOpMsg({
  requestId,
  responseTo,
  reply,
}: {
  requestId: number;
  responseTo: number;
  reply: Document;
}): Buffer {
  const body = BSON.serialize(reply, { ignoreUndefined: true });
  const prefix = Buffer.allocUnsafe(HEADER_BYTES + 5);
  const length = prefix.length + body.length;
  prefix.writeInt32LE(length, 0);
  prefix.writeInt32LE(requestId, 4);
  prefix.writeInt32LE(responseTo, 8);
  prefix.writeInt32LE(OpCode.Msg, 12);
  prefix.writeUInt32LE(0, 16);
  prefix[20] = 0;
  return Buffer.concat([prefix, body], length);
}
