import {
  Timestamp,
  type ChangeStream,
  type ChangeStreamDocument,
  type ChangeStreamOptions,
  type Collection,
  type Db,
  type Document,
} from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';

import { useConformanceDatabase, type LooseDocument } from './conformance-target';

const target = useConformanceDatabase({ area: 'change_streams' });

const openStreams: ChangeStream[] = [];
afterEach(async () => {
  await Promise.all(openStreams.splice(0).map((stream) => stream.close()));
});

function openStream(
  on: Collection<LooseDocument> | Db,
  pipeline: Document[] = [],
  options: ChangeStreamOptions = {},
): ChangeStream<Document, ChangeStreamDocument> {
  const stream = on.watch(pipeline, { maxAwaitTimeMS: 100, ...options });
  openStreams.push(stream);
  return stream;
}

/** Opens a stream and waits until the server has created it, so no later write can be missed. */
async function watch(
  on: Collection<LooseDocument> | Db,
  pipeline: Document[] = [],
  options: ChangeStreamOptions = {},
): Promise<ChangeStream<Document, ChangeStreamDocument>> {
  const stream = openStream(on, pipeline, options);
  expect(await stream.tryNext()).toBeNull();
  return stream;
}

/** Takes the next `count` events, failing after a few seconds instead of hanging the file. */
async function nextEvents(stream: ChangeStream<Document, ChangeStreamDocument>, count: number) {
  const events: ChangeStreamDocument[] = [];
  const deadline = Date.now() + 5_000;
  while (events.length < count) {
    if (Date.now() > deadline) throw new Error(`got ${events.length} of ${count} change events within 5 s`);
    const event = await stream.tryNext();
    if (event) events.push(event);
  }
  return events;
}

describe('change streams', () => {
  it('collection.watch() reports insert, update, replace and delete in order', async () => {
    const c = target.freshCollection('jobs');
    const stream = await watch(c);
    await c.insertOne({ _id: 1, status: 'open', note: 'x' });
    await c.updateOne({ _id: 1 }, { $set: { status: 'done' }, $unset: { note: '' } });
    await c.replaceOne({ _id: 1 }, { status: 'archived' });
    await c.deleteOne({ _id: 1 });
    const [insert, update, replace, del] = await nextEvents(stream, 4);
    const ns = { db: target.dbName, coll: c.collectionName };

    expect(insert).toMatchObject({ operationType: 'insert', ns, documentKey: { _id: 1 } });
    expect(insert.operationType === 'insert' && insert.fullDocument).toEqual({ _id: 1, status: 'open', note: 'x' });
    expect(insert.clusterTime).toBeInstanceOf(Timestamp);
    expect(update).toMatchObject({
      operationType: 'update',
      ns,
      documentKey: { _id: 1 },
      updateDescription: { updatedFields: { status: 'done' }, removedFields: ['note'] },
    });
    expect('fullDocument' in update && update.fullDocument).toBeFalsy();
    expect(replace).toMatchObject({ operationType: 'replace', fullDocument: { _id: 1, status: 'archived' } });
    expect(del).toMatchObject({ operationType: 'delete', ns, documentKey: { _id: 1 } });
    const tokens = [insert, update, replace, del].map((event) => JSON.stringify(event._id));
    expect(new Set(tokens).size).toBe(4);
  });

  it("fullDocument: 'updateLookup' attaches the current document to update events", async () => {
    const c = target.freshCollection('lookup');
    const stream = await watch(c, [], { fullDocument: 'updateLookup' });
    await c.insertOne({ _id: 'a', units: 1, workshop: 'W1' });
    await c.updateOne({ _id: 'a' }, { $inc: { units: 4 } });
    const [, update] = await nextEvents(stream, 2);
    expect(update).toMatchObject({
      operationType: 'update',
      updateDescription: { updatedFields: { units: 5 } },
      fullDocument: { _id: 'a', units: 5, workshop: 'W1' },
    });
  });

  it('db.watch() reports changes from every collection of the database', async () => {
    const orders = target.freshCollection('orders');
    const payouts = target.freshCollection('payouts');
    await orders.insertOne({ _id: 'before-stream' });
    const stream = await watch(target.db);
    await orders.insertOne({ _id: 'o1' });
    await payouts.insertOne({ _id: 'p1' });
    await orders.deleteOne({ _id: 'before-stream' });
    const events = await nextEvents(stream, 3);
    expect(
      events.map((event) => [event.operationType, 'ns' in event && 'coll' in event.ns ? event.ns.coll : null]),
    ).toEqual([
      ['insert', orders.collectionName],
      ['insert', payouts.collectionName],
      ['delete', orders.collectionName],
    ]);
  });

  it('a pipeline filters the events', async () => {
    const c = target.freshCollection('filtered');
    const stream = await watch(c, [{ $match: { operationType: 'insert', 'fullDocument.urgent': true } }]);
    await c.insertMany([
      { _id: 1, urgent: false },
      { _id: 2, urgent: true },
    ]);
    await c.updateOne({ _id: 2 }, { $set: { seen: true } });
    await c.insertOne({ _id: 3, urgent: true });
    const events = await nextEvents(stream, 2);
    expect(events.map((event) => 'documentKey' in event && event.documentKey._id)).toEqual([2, 3]);
  });

  it('resumeAfter a token continues with the events that followed it', async () => {
    const c = target.freshCollection('resume');
    const first = await watch(c);
    await c.insertOne({ _id: 1 });
    const [seen] = await nextEvents(first, 1);
    await first.close();
    await c.insertOne({ _id: 2 });
    await c.updateOne({ _id: 1 }, { $set: { later: true } });
    const resumed = openStream(c, [], { resumeAfter: seen._id });
    const events = await nextEvents(resumed, 2);
    expect(events.map((event) => [event.operationType, 'documentKey' in event && event.documentKey._id])).toEqual([
      ['insert', 2],
      ['update', 1],
    ]);
  });

  it('writes of a transaction appear once it commits; an aborted transaction leaves no events', async () => {
    const c = target.freshCollection('txn');
    await target.db.createCollection(c.collectionName);
    const stream = await watch(c);
    const session = target.client.startSession();
    try {
      session.startTransaction();
      await c.insertOne({ _id: 'discarded' }, { session });
      await session.abortTransaction();
      await session.withTransaction(async () => {
        await c.insertOne({ _id: 't1' }, { session });
        await c.insertOne({ _id: 't2' }, { session });
      });
    } finally {
      await session.endSession();
    }
    await c.insertOne({ _id: 'after' });
    const events = await nextEvents(stream, 3);
    expect(events.map((event) => 'documentKey' in event && event.documentKey._id)).toEqual(['t1', 't2', 'after']);
  });
});
