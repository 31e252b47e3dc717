/** Every MongoDB wire message starts with this 16-byte header. */
export const HEADER_BYTES = 16;
export const MAX_MESSAGE_BYTES = 48 * 1000 * 1000;

export const OpCode = {
  Reply: 1,
  Query: 2004,
  Compressed: 2012,
  Msg: 2013,
} as const;

export interface MessageHeader {
  messageLength: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export class WireProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireProtocolError';
  }
}

export function readHeader(message: Buffer): MessageHeader {
  return {
    messageLength: message.readInt32LE(0),
    requestId: message.readInt32LE(4),
    responseTo: message.readInt32LE(8),
    opCode: message.readInt32LE(12),
  };
}

/**
 * Cuts a TCP byte stream into whole wire messages. Chunks are kept in a list and joined once per message,
 * so a 48 MB message arriving in small pieces costs one copy, not one per piece.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds bytes and returns the complete messages now available; throws WireProtocolError on a bad length. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const length = this.peekLength();
      if (length < HEADER_BYTES) throw new WireProtocolError(`message length ${length} is shorter than a header`);
      if (length > MAX_MESSAGE_BYTES) {
        throw new WireProtocolError(`message length ${length} exceeds the ${MAX_MESSAGE_BYTES}-byte limit`);
      }
      if (this.buffered < length) break;
      const joined = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
      messages.push(joined.subarray(0, length));
      const rest = joined.subarray(length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return messages;
  }

  /** Bytes received that do not yet make a whole message. */
  get partialBytes(): number {
    return this.buffered;
  }

  private peekLength(): number {
    const first = this.chunks[0];
    if (first.length >= 4) return first.readInt32LE(0);
    const head = Buffer.concat(this.chunks, this.buffered).subarray(0, 4);
    return head.readInt32LE(0);
  }
}
