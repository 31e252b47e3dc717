import { type Socket } from 'node:net';

import { serialize } from 'bson';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { useConformanceDatabase, usingRealMongo } from './conformance-target';
import {
  encodeOpMsg,
  HEADER_BYTES,
  messageHeader,
  openRawSocket,
  sendHello,
  watchSocket,
  type SocketOutcome,
} from './raw-wire-client';

/**
 * Hostile or broken clients must only ever hurt their own connection: the server closes it (or
 * refuses the message), keeps serving everyone else, and loses no data. Embedded-only: the suite
 * does not send deliberately broken traffic to a shared real deployment.
 */
describe.skipIf(usingRealMongo)('malformed wire traffic', () => {
  const target = useConformanceDatabase({ area: 'malformed_wire' });
  const sockets: Socket[] = [];
  const SEEDED = 200;

  beforeAll(async () => {
    await target.collection('survivors').insertMany(Array.from({ length: SEEDED }, (_, i) => ({ _id: i, ok: true })));
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    // After every attack the already-connected client and the data are unharmed.
    expect(await target.collection('survivors').countDocuments({ ok: true })).toBe(SEEDED);
  });

  async function rawSocket(): Promise<Socket> {
    const socket = await openRawSocket({ uri: target.uri });
    sockets.push(socket);
    return socket;
  }

  async function send(bytes: Buffer, { halfClose = false } = {}): Promise<{ socket: Socket; outcome: SocketOutcome }> {
    const socket = await rawSocket();
    const outcome = watchSocket({ socket, timeoutMs: 3_000 });
    socket.write(bytes);
    if (halfClose) socket.end();
    return { socket, outcome: await outcome };
  }

  /**
   * For a message whose framing is intact but whose content is unacceptable, a server may either
   * close the connection or answer with an error and carry on; it must never report success, and
   * a connection it keeps must still be in sync (answer the next well-formed command).
   */
  async function expectRefused(bytes: Buffer): Promise<void> {
    const socket = await rawSocket();
    const outcome = watchSocket({ socket, timeoutMs: 1_500, untilReplies: 1 });
    socket.write(bytes);
    const { closed, replies } = await outcome;
    for (const reply of replies) expect(reply.ok).not.toBe(1);
    if (!closed) expect((await sendHello({ socket }))?.ok).toBe(1);
  }

  it('closes a connection that sends random text (an HTTP request)', async () => {
    const { outcome } = await send(Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    expect(outcome.closed).toBe(true);
    expect(outcome.replies.filter((reply) => reply.ok === 1)).toEqual([]);
  });

  it('closes a connection whose header is cut short when the client stops sending', async () => {
    const { outcome } = await send(messageHeader({ messageLength: 64 }).subarray(0, 7), { halfClose: true });
    expect(outcome.closed).toBe(true);
  });

  it('closes at once a connection announcing a 100 MB message, without waiting for the body', async () => {
    const startedAt = Date.now();
    const { outcome } = await send(messageHeader({ messageLength: 100 * 1024 * 1024 }));
    expect(outcome.closed).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it('closes a connection announcing a length shorter than the header itself', async () => {
    const { outcome } = await send(Buffer.concat([messageHeader({ messageLength: 8 }), Buffer.alloc(16)]));
    expect(outcome.closed).toBe(true);
  });

  it('refuses an unknown opCode', async () => {
    await expectRefused(
      Buffer.concat([messageHeader({ messageLength: HEADER_BYTES + 8, opCode: 4242 }), Buffer.alloc(8)]),
    );
  });

  it('refuses an OP_MSG whose BSON document lies about its length', async () => {
    const bson = Buffer.from(serialize({ ping: 1, $db: 'admin' }));
    bson.writeInt32LE(bson.length + 40, 0);
    await expectRefused(encodeOpMsg({ body: bson }));
  });

  it('refuses an OP_MSG whose BSON has a bad element type', async () => {
    const bson = Buffer.from(serialize({ ping: 1, $db: 'admin' }));
    bson[4] = 0x7e;
    await expectRefused(encodeOpMsg({ body: bson }));
  });

  it('refuses an OP_MSG with unknown required flag bits', async () => {
    await expectRefused(encodeOpMsg({ body: { ping: 1, $db: 'admin' }, flagBits: 1 << 5 }));
  });

  it('refuses an OP_MSG whose checksum does not match', async () => {
    await expectRefused(
      encodeOpMsg({ body: { ping: 1, $db: 'admin' }, flagBits: 1, trailer: Buffer.from([1, 2, 3, 4]) }),
    );
  });

  it('answers a well-formed hello on a raw socket (the harness itself works)', async () => {
    const socket = await rawSocket();
    const reply = await sendHello({ socket });
    expect(reply?.ok).toBe(1);
    expect(reply?.isWritablePrimary).toBe(true);
  });

  it('keeps serving a busy client while many connections send garbage at once', async () => {
    const attacks = Array.from({ length: 20 }, (_, i) =>
      send(i % 2 === 0 ? Buffer.from(`garbage-${i}`.repeat(50)) : messageHeader({ messageLength: 2 ** 31 - 1 })),
    );
    const survivors = target.collection('survivors');
    const work = Array.from({ length: 20 }, (_, i) => survivors.findOne({ _id: i }));
    const [attackOutcomes, found] = await Promise.all([Promise.all(attacks), Promise.all(work)]);
    expect(attackOutcomes.every(({ outcome }) => outcome.closed)).toBe(true);
    expect(found.map((doc) => doc?._id)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
