import { connect, type Socket } from 'node:net';

import { BSON, type Document } from 'bson';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongo } from './index';
import { MessageFramer, OpCode } from './wire/message-framer';

let requestId = 100;
function opMsg(command: Document, flags = 0): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const message = Buffer.alloc(21 + body.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(++requestId, 4);
  message.writeInt32LE(OpCode.Msg, 12);
  message.writeUInt32LE(flags, 16);
  body.copy(message, 21);
  return message;
}

/** A raw socket that collects complete replies and notices when the server closes it. */
function rawClient(port: number): Promise<{ socket: Socket; replies: Document[]; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const framer = new MessageFramer();
    const replies: Document[] = [];
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (chunk) => {
      for (const message of framer.push(chunk)) replies.push(BSON.deserialize(message.subarray(21)));
    });
    socket.once('connect', () => resolve({ socket, replies, closed }));
    socket.once('error', reject);
  });
}

const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('client connections', () => {
  let server: EmbeddedMongo;
  beforeAll(async () => {
    server = await startEmbeddedMongo();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('sends no reply for moreToCome and answers the next command', async () => {
    const { socket, replies } = await rawClient(server.port);
    socket.write(opMsg({ insert: 'quiet', documents: [{ a: 1 }], $db: 'wire' }, 2));
    socket.write(opMsg({ count: 'quiet', $db: 'wire' }));
    await waitFor(() => replies.length > 0);
    expect(replies).toEqual([{ n: 1, ok: 1 }]);
    socket.destroy();
  });

  it('answers an unknown command with CommandNotFound', async () => {
    const { socket, replies } = await rawClient(server.port);
    socket.write(opMsg({ frobnicate: 1, $db: 'wire' }));
    await waitFor(() => replies.length > 0);
    expect(replies[0]).toMatchObject({ ok: 0, code: 59, codeName: 'CommandNotFound' });
    socket.destroy();
  });

  it('closes only the offending connection on an oversized, garbage or truncated message', async () => {
    const oversized = await rawClient(server.port);
    const header = Buffer.alloc(16);
    header.writeInt32LE(64 * 1024 * 1024, 0);
    oversized.socket.write(header);
    await oversized.closed;

    const garbage = await rawClient(server.port);
    const junk = opMsg({ ping: 1, $db: 'admin' });
    junk.fill(0xff, 21);
    garbage.socket.write(junk);
    await garbage.closed;

    const client = await new MongoClient(server.uri).connect();
    expect(await client.db('admin').command({ ping: 1 })).toEqual({ ok: 1 });
    await client.close();
  });
});
