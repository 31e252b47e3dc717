import { type Socket } from 'node:net';

import { MongoServerError } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';

import { type ConnectionLimits } from '#server/embedded-mongo/connection-limits';
import { startEmbeddedMongo, type EmbeddedMongo } from '#server/embedded-mongo/index';

import { useConformanceDatabase, usingRealMongo } from './conformance-target';
import { encodeOpMsg, messageHeader, openRawSocket, sendHello, watchSocket } from './raw-wire-client';

/** `{ a: { a: … { leaf: 1 } } }` with `levels` objects inside the top-level document's field. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe('documents nested deeper than MongoDB stores', () => {
  const target = useConformanceDatabase({ area: 'nesting_limit' });

  it('stores 50 levels and refuses 150 with 15 Overflow, on insert and on update', async () => {
    const docs = target.freshCollection('nesting');
    await docs.insertOne({ _id: 'fine', a: nested(50) });
    expect(await docs.countDocuments({ _id: 'fine' })).toBe(1);

    const refused = await docs.insertOne({ _id: 'deep', a: nested(150) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MongoServerError);
    expect(refused).toMatchObject({ code: 15, message: expect.stringMatching(/nesting depth/) });
    expect(await docs.countDocuments({ _id: 'deep' })).toBe(0);

    await expect(docs.updateOne({ _id: 'fine' }, { $set: { b: nested(150) } })).rejects.toMatchObject({ code: 15 });
    expect(Object.keys((await docs.findOne({ _id: 'fine' }))!)).toEqual(['_id', 'a']);
  });

  it.skipIf(usingRealMongo)('refuses 20,000 levels without harming the server', async () => {
    const docs = target.freshCollection('very_deep');
    await expect(docs.insertOne({ _id: 1, a: nested(20_000) })).rejects.toMatchObject({ code: 15 });
    await docs.insertOne({ _id: 2, a: nested(3) });
    await docs.updateOne({ _id: 2 }, { $set: { b: 1 } });
    expect(await docs.findOne({ _id: 2 })).toMatchObject({ b: 1 });
  });
});

/** Embedded-only: each test starts a server of its own with small limits. */
describe.skipIf(usingRealMongo)('what connections may hold', () => {
  const servers: EmbeddedMongo[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const server of servers.splice(0)) await server.stop();
  });

  async function serverWith(limits: Partial<ConnectionLimits>): Promise<EmbeddedMongo> {
    const server = await startEmbeddedMongo({ port: 0, limits });
    servers.push(server);
    return server;
  }

  async function socketTo(server: EmbeddedMongo): Promise<Socket> {
    const socket = await openRawSocket({ uri: server.uri });
    sockets.push(socket);
    return socket;
  }

  /** The start of a message announcing `declared` bytes, of which only `sent` arrive. */
  function partialMessage(declared: number, sent: number): Buffer {
    return Buffer.concat([messageHeader({ messageLength: declared }), Buffer.alloc(sent - 16)]);
  }

  it('closes connections past the cap and accepts again once some are gone', async () => {
    const server = await serverWith({ maxConnections: 3 });
    const first = await Promise.all([socketTo(server), socketTo(server), socketTo(server)]);
    for (const socket of first) expect(await sendHello({ socket })).toMatchObject({ ok: 1 });
    const extra = await socketTo(server);
    expect((await watchSocket({ socket: extra, timeoutMs: 2_000 })).closed).toBe(true);

    first[0].destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await sendHello({ socket: await socketTo(server) })).toMatchObject({ ok: 1 });
  });

  it('closes the connection that would take the server past its budget of unanswered bytes, and frees what it held', async () => {
    const MB = 1024 * 1024;
    const server = await serverWith({ maxBufferedBytes: 5 * MB });
    const holder = await socketTo(server);
    holder.write(partialMessage(10 * MB, 3 * MB));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const greedy = await socketTo(server);
    greedy.write(partialMessage(10 * MB, 3 * MB));
    expect((await watchSocket({ socket: greedy, timeoutMs: 3_000 })).closed).toBe(true);
    expect(holder.destroyed).toBe(false);

    // Once the holder goes, its bytes are given back and a new connection may use them.
    holder.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await socketTo(server);
    next.write(partialMessage(10 * MB, 3 * MB));
    expect((await watchSocket({ socket: next, timeoutMs: 500 })).closed).toBe(false);
  });

  it('closes a connection whose message stops arriving, and one left idle, but not a busy one', async () => {
    const server = await serverWith({ stalledMessageMs: 300, idleMs: 1_500 });
    const stalled = await socketTo(server);
    stalled.write(partialMessage(1_000, 100));
    const idle = await socketTo(server);
    expect(await sendHello({ socket: idle })).toMatchObject({ ok: 1 });
    const busy = await socketTo(server);

    expect((await watchSocket({ socket: stalled, timeoutMs: 1_000 })).closed).toBe(true);
    // The busy one keeps talking for longer than the idle limit.
    for (let i = 0; i < 4; i++) {
      expect(await sendHello({ socket: busy, requestId: 10 + i })).toMatchObject({ ok: 1 });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(idle.destroyed || (await watchSocket({ socket: idle, timeoutMs: 1_000 })).closed).toBe(true);
    expect(busy.destroyed).toBe(false);
    busy.write(encodeOpMsg({ body: { ping: 1, $db: 'admin' }, requestId: 99 }));
    expect((await watchSocket({ socket: busy, timeoutMs: 2_000, untilReplies: 1 })).replies[0]).toMatchObject({
      ok: 1,
    });
  });
});
