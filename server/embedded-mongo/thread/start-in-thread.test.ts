import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';

import { type EmbeddedLogger } from '../server-context';
import { startEmbeddedMongoInThread } from './start-in-thread';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function recordingLogger() {
  const lines: Array<{ level: string; obj: unknown; msg?: string }> = [];
  const at = (level: string) => (obj: object | string, msg?: string) => lines.push({ level, obj, msg });
  const logger: EmbeddedLogger = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
  return { lines, logger };
}

describe('the embedded server on its own thread', () => {
  it('serves the driver, keeps journaled writes across a stop and a new thread, and logs through the caller', async () => {
    const dbPath = mkdtempSync(path.join(tmpdir(), 'kiwanda-thread-'));
    dirs.push(dbPath);
    const socketPath = path.join(dbPath, 'mongod.sock');
    const { lines, logger } = recordingLogger();

    const first = await startEmbeddedMongoInThread({ socketPath, dbPath, logger });
    const client = await MongoClient.connect(first.uri);
    await client
      .db('kiwanda')
      .collection('orders')
      .insertMany(
        [1, 2, 3].map((n) => ({ n })),
        { writeConcern: { w: 1, j: true } },
      );
    await client.close();
    await first.stop();
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['embedded mongo: ready', 'embedded mongo: stopped']),
    );
    expect(lines.find((line) => line.msg === 'embedded mongo: ready')?.obj).toMatchObject({
      address: socketPath,
      dbPath,
    });

    const second = await startEmbeddedMongoInThread({ socketPath, dbPath });
    const again = await MongoClient.connect(second.uri);
    const found = await again
      .db('kiwanda')
      .collection('orders')
      .find({}, { projection: { _id: 0 } })
      .sort({ n: 1 })
      .toArray();
    await again.close();
    await second.stop();
    expect(found).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('rejects a start that fails, with the server’s own message', async () => {
    await expect(startEmbeddedMongoInThread({ port: 70_000 })).rejects.toThrow(
      /port must be an integer from 0 to 65535/,
    );
  });

  it('stops once however often it is asked', async () => {
    const server = await startEmbeddedMongoInThread();
    await Promise.all([server.stop(), server.stop()]);
    await expect(server.stop()).resolves.toBeUndefined();
  });
});
