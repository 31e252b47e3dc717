import { connect, type Socket } from 'node:net';

import { deserialize, serialize, type Document } from 'bson';

/** Wire protocol constants from the MongoDB specification (OP_MSG). */
export const OP_MSG = 2013;
export const HEADER_BYTES = 16;

/** First host of a mongodb:// URI; the suite targets one server, the embedded one, for raw tests. */
export function hostAndPort({ uri }: { uri: string }): { host: string; port: number } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^/?,]+)/.exec(uri);
  if (!match) throw new Error(`cannot find a host:port in ${uri}`);
  const hostPort = match[1];
  const colon = hostPort.lastIndexOf(':');
  const host = (colon > 0 ? hostPort.slice(0, colon) : hostPort).replace(/^\[|\]$/g, '');
  return { host, port: colon > 0 ? Number(hostPort.slice(colon + 1)) : 27017 };
}

export function openRawSocket({ uri }: { uri: string }): Promise<Socket> {
  const { host, port } = hostAndPort({ uri });
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

export function messageHeader({
  messageLength,
  requestId = 1,
  opCode = OP_MSG,
}: {
  messageLength: number;
  requestId?: number;
  opCode?: number;
}): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeInt32LE(messageLength, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(opCode, 12);
  return header;
}

/** An OP_MSG with one kind-0 section; `body` may be raw bytes to send deliberately broken BSON. */
export function encodeOpMsg({
  body,
  requestId = 1,
  flagBits = 0,
  trailer = Buffer.alloc(0),
}: {
  body: Document | Buffer;
  requestId?: number;
  flagBits?: number;
  trailer?: Buffer;
}): Buffer {
  const bson = Buffer.isBuffer(body) ? body : Buffer.from(serialize(body));
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(flagBits >>> 0, 0);
  const payload = Buffer.concat([flags, Buffer.from([0]), bson, trailer]);
  return Buffer.concat([messageHeader({ messageLength: HEADER_BYTES + payload.length, requestId }), payload]);
}

export interface SocketOutcome {
  closed: boolean;
  /** Bodies of complete OP_MSG replies received before the close or the timeout. */
  replies: Document[];
  /** Raw bytes received, for replies that are not OP_MSG (some servers answer HTTP with text). */
  bytes: Buffer;
}

/** Collects what the server sends until it closes the connection, `count` replies arrive, or time runs out. */
export function watchSocket({
  socket,
  timeoutMs,
  untilReplies = Number.POSITIVE_INFINITY,
}: {
  socket: Socket;
  timeoutMs: number;
  untilReplies?: number;
}): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.off('data', onData);
      const bytes = Buffer.concat(chunks);
      resolve({ closed, replies: parseOpMsgReplies(bytes), bytes });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      if (parseOpMsgReplies(Buffer.concat(chunks)).length >= untilReplies) finish(false);
    };
    const timer = setTimeout(() => finish(socket.destroyed), timeoutMs);
    socket.on('data', onData);
    socket.once('close', () => finish(true));
    socket.on('error', () => {});
    if (socket.destroyed) finish(true);
  });
}

function parseOpMsgReplies(bytes: Buffer): Document[] {
  const replies: Document[] = [];
  let offset = 0;
  while (bytes.length - offset >= HEADER_BYTES) {
    const length = bytes.readInt32LE(offset);
    if (length < HEADER_BYTES + 5 || offset + length > bytes.length) break;
    if (bytes.readInt32LE(offset + 12) === OP_MSG && bytes[offset + 20] === 0) {
      try {
        const bodyLength = bytes.readInt32LE(offset + 21);
        replies.push(deserialize(bytes.subarray(offset + 21, offset + 21 + bodyLength)));
      } catch {
        // Not a well-formed reply: leave it out; the caller sees the raw bytes.
      }
    }
    offset += length;
  }
  return replies;
}

/** Sends `hello` on the socket and resolves with the reply body (or null if none came in time). */
export async function sendHello({
  socket,
  requestId = 99,
}: {
  socket: Socket;
  requestId?: number;
}): Promise<Document | null> {
  const outcome = watchSocket({ socket, timeoutMs: 2_000, untilReplies: 1 });
  socket.write(encodeOpMsg({ body: { hello: 1, $db: 'admin' }, requestId }));
  return (await outcome).replies[0] ?? null;
}
