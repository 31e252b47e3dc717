import { createServer, type Socket } from 'node:net';

import { BSON, Long, ObjectId } from 'bson';

/**
 * The yardstick for `embedded-mongo-deployed.bench.ts`: a wire server that does no work at all. It frames
 * messages, answers the handshake, and answers every other command with a reply serialised once at start
 * (`find` with one document, anything else `{ ok: 1 }`); only the reply's `responseTo` is written per
 * message. What the official driver reaches against it, in its own process over TCP, is the most any
 * server can give that driver on this machine: the rest of a round trip is the driver, Node's socket layer
 * and the kernel. Run it with `node --import tsx test/bench/canned-reply-wire-server.ts`; it prints
 * `ready <port>`.
 */

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

const HELLO = {
  helloOk: true,
  isWritablePrimary: true,
  ismaster: true,
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: 48_000_000,
  maxWriteBatchSize: 100_000,
  logicalSessionTimeoutMinutes: 30,
  connectionId: 1,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
  ok: 1,
};
/** The shape of the bench's point read answer: one job document in a closed cursor. */
const FOUND = {
  cursor: {
    firstBatch: [{ _id: new ObjectId(), code: 'JOB-000001', workshop: 'W1', quantity: 2, pieceRateCents: 2_600 }],
    id: Long.ZERO,
    ns: 'bench.jobs',
  },
  ok: 1,
};

function opMsg(reply: object): Buffer {
  const body = BSON.serialize(reply);
  const message = Buffer.alloc(21 + body.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(OP_MSG, 12);
  message.set(body, 21);
  return message;
}

function opReply(reply: object): Buffer {
  const body = BSON.serialize(reply);
  const message = Buffer.alloc(36 + body.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(OP_REPLY, 12);
  message.writeInt32LE(1, 32); // numberReturned
  message.set(body, 36);
  return message;
}

const REPLIES = { hello: opMsg(HELLO), legacyHello: opReply(HELLO), found: opMsg(FOUND), ok: opMsg({ ok: 1 }) };

/** The command name is the body's first key, right after the section kind byte and the document length. */
function cannedReplyFor(message: Buffer): Buffer {
  if (message.readInt32LE(12) === OP_QUERY) return REPLIES.legacyHello;
  const nameStart = 16 + 4 + 1 + 4 + 1;
  const name = message.toString('latin1', nameStart, message.indexOf(0, nameStart));
  if (name === 'hello' || name === 'isMaster' || name === 'ismaster') return REPLIES.hello;
  return name === 'find' ? REPLIES.found : REPLIES.ok;
}

function serve(socket: Socket): void {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
      const length = pending.readInt32LE(0);
      const message = pending.subarray(0, length);
      pending = pending.subarray(length);
      // Copied: the same canned buffer may still be queued on another socket.
      const reply = Buffer.from(cannedReplyFor(message));
      reply.writeInt32LE(message.readInt32LE(4), 8);
      socket.write(reply);
    }
  });
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => process.exit(0));
