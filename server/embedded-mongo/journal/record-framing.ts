import { crc32 } from 'node:zlib';

import { deserialize, serialize, type DeserializeOptions, type Document } from 'bson';

/**
 * Every record in a journal or snapshot file is framed as
 *   [uint32 LE payload length][uint32 LE crc32 of payload][BSON payload]
 * so that a reader can tell a complete record from a torn or damaged one without trusting the payload.
 */
export const FRAME_PREFIX_BYTES = 8;

/** BSON documents are capped at 16 MiB by MongoDB; a record wraps one document plus a little metadata. */
export const MAX_RECORD_PAYLOAD_BYTES = 48 * 1024 * 1024;

/** Smallest BSON document: int32 length + terminating zero. */
const MIN_BSON_BYTES = 5;

export function encodeFrame({ record }: { record: Document }): Buffer {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new TypeError('journal record must be a plain object (a BSON document)');
  }
  const payload = serialize(record);
  if (payload.byteLength > MAX_RECORD_PAYLOAD_BYTES) {
    throw new RangeError(`journal record is ${payload.byteLength} bytes; the limit is ${MAX_RECORD_PAYLOAD_BYTES}`);
  }
  const frame = Buffer.allocUnsafe(FRAME_PREFIX_BYTES + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  frame.set(payload, FRAME_PREFIX_BYTES);
  return frame;
}

export interface DecodedFrames {
  records: Document[];
  /** Offset just past the last good frame: everything from here on is a damaged tail. */
  validEnd: number;
  /** Why decoding stopped before the end of the buffer; null when the whole buffer was good. */
  damage: string | null;
}

/**
 * Decodes consecutive frames from `buffer[start..]`, stopping at the first frame that is short,
 * oversized, fails its checksum or does not parse as BSON. It never skips a bad frame to look
 * for later good ones: once a length field is untrustworthy there is no reliable way to find the
 * next frame boundary, and replaying records after a gap would rebuild a state that never existed.
 */
export function decodeFrames({
  buffer,
  start,
  maxRecords = Number.POSITIVE_INFINITY,
  deserializeOptions,
}: {
  buffer: Buffer;
  start: number;
  maxRecords?: number;
  deserializeOptions?: DeserializeOptions;
}): DecodedFrames {
  const records: Document[] = [];
  let offset = start;
  const fail = (damage: string): DecodedFrames => ({ records, validEnd: offset, damage });

  while (offset < buffer.length && records.length < maxRecords) {
    if (buffer.length - offset < FRAME_PREFIX_BYTES) {
      return fail(`torn frame header at byte ${offset}`);
    }
    const length = buffer.readUInt32LE(offset);
    const checksum = buffer.readUInt32LE(offset + 4);
    if (length < MIN_BSON_BYTES || length > MAX_RECORD_PAYLOAD_BYTES) {
      return fail(`implausible record length ${length} at byte ${offset}`);
    }
    const payloadStart = offset + FRAME_PREFIX_BYTES;
    const payloadEnd = payloadStart + length;
    if (payloadEnd > buffer.length) {
      return fail(`torn record at byte ${offset}: ${length} bytes declared, ${buffer.length - payloadStart} present`);
    }
    const payload = buffer.subarray(payloadStart, payloadEnd);
    if (crc32(payload) !== checksum) {
      return fail(`checksum mismatch in record at byte ${offset}`);
    }
    if (payload.readInt32LE(0) !== length || payload[length - 1] !== 0) {
      return fail(`record at byte ${offset} is not a complete BSON document`);
    }
    try {
      records.push(deserialize(payload, deserializeOptions));
    } catch (error) {
      return fail(`record at byte ${offset} does not parse as BSON: ${(error as Error).message}`);
    }
    offset = payloadEnd;
  }
  return { records, validEnd: offset, damage: null };
}
