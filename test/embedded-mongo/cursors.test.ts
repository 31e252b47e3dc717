import { Long, type Collection, type Document, type CommandStartedEvent, type CommandSucceededEvent } from 'mongodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';
import { catchServerError } from './server-error';

const target = useConformanceDatabase({ area: 'cursors', clientOptions: { monitorCommands: true } });
const DOCS = 1000;
let items: Collection<{ _id: number; group: number; payload: string }>;

const started: CommandStartedEvent[] = [];
const succeeded: CommandSucceededEvent[] = [];
const onStarted = (event: CommandStartedEvent) => started.push(event);
const onSucceeded = (event: CommandSucceededEvent) => succeeded.push(event);

beforeAll(async () => {
  items = target.collection('items');
  await items.insertMany(
    Array.from({ length: DOCS }, (_, i) => ({ _id: i, group: i % 7, payload: `item-${i}`.padEnd(64, '.') })),
  );
  target.client.on('commandStarted', onStarted);
  target.client.on('commandSucceeded', onSucceeded);
});
afterEach(() => {
  started.length = 0;
  succeeded.length = 0;
});

const commandsNamed = (name: string) => started.filter((event) => event.commandName === name);

describe('cursors', () => {
  it('find with batchSize 50 returns all 1000 documents in order over many getMores', async () => {
    const docs = await items.find({}, { batchSize: 50 }).sort({ _id: 1 }).toArray();
    expect(docs.map((doc) => doc._id)).toEqual(Array.from({ length: DOCS }, (_, i) => i));
    const getMores = commandsNamed('getMore');
    // 20 batches: the first comes with find; the server may need one extra, empty getMore to notice the end.
    expect(getMores.length).toBeGreaterThanOrEqual(19);
    expect(getMores.length).toBeLessThanOrEqual(20);
    for (const getMore of getMores) {
      expect(getMore.command.getMore).toBeInstanceOf(Long);
      expect(getMore.command.batchSize).toBe(50);
    }
  });

  it('keeps a descending sort on another field across batches', async () => {
    const docs = await items.find({ group: 3 }, { batchSize: 10 }).sort({ _id: -1 }).toArray();
    const expected = Array.from({ length: DOCS }, (_, i) => i)
      .filter((i) => i % 7 === 3)
      .reverse();
    expect(docs.map((doc) => doc._id)).toEqual(expected);
  });

  it('honours limit together with batchSize', async () => {
    const docs = await items.find({}, { batchSize: 50, limit: 120 }).sort({ _id: 1 }).toArray();
    expect(docs).toHaveLength(120);
    expect(docs.at(-1)?._id).toBe(119);
  });

  it('aggregate cursors also span batches', async () => {
    const docs = await items
      .aggregate([{ $match: { group: { $lt: 5 } } }, { $sort: { _id: 1 } }], { batchSize: 25 })
      .toArray();
    expect(docs).toHaveLength(Array.from({ length: DOCS }, (_, i) => i).filter((i) => i % 7 < 5).length);
    expect(commandsNamed('getMore').length).toBeGreaterThan(5);
  });

  it('closing a cursor early kills it on the server', async () => {
    const cursor = items.find({}, { batchSize: 50 }).sort({ _id: 1 });
    for (let i = 0; i < 60; i += 1) await cursor.next();
    await cursor.close();
    const kill = commandsNamed('killCursors');
    expect(kill).toHaveLength(1);
    const reply = succeeded.find((event) => event.commandName === 'killCursors')?.reply as Document | undefined;
    const killedId = kill[0].command.cursors[0];
    expect(reply?.cursorsKilled.map(String)).toEqual([String(killedId)]);
    const error = await catchServerError(
      target.db.command({ getMore: killedId, collection: items.collectionName, batchSize: 10 }),
    );
    expect([error.code, error.codeName]).toEqual([43, 'CursorNotFound']);
  });

  it('raw find/getMore: ids are Longs, the last batch returns cursor id 0', async () => {
    // promoteLongs: false so that a small id still shows up as the int64 the protocol requires.
    const raw = { promoteLongs: false };
    const first = await target.db.command({ find: items.collectionName, filter: { group: 0 }, batchSize: 100 }, raw);
    expect(first.cursor.id).toBeInstanceOf(Long);
    expect(first.cursor.ns).toBe(`${target.dbName}.items`);
    expect(first.cursor.firstBatch).toHaveLength(100);
    const next = await target.db.command(
      { getMore: first.cursor.id, collection: items.collectionName, batchSize: 1000 },
      raw,
    );
    expect(next.cursor.nextBatch).toHaveLength(Math.ceil(DOCS / 7) - 100);
    expect(String(next.cursor.id)).toBe('0');
  });

  it('killCursors reports unknown ids as not found', async () => {
    const reply = await target.db.command({ killCursors: items.collectionName, cursors: [Long.fromNumber(123456789)] });
    expect(reply.cursorsNotFound.map(String)).toEqual(['123456789']);
    expect(reply.cursorsKilled).toEqual([]);
  });
});
