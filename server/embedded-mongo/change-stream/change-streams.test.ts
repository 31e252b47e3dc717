import { MongoClient, type ChangeStreamDocument, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmbeddedMongo, type EmbeddedMongo } from '../index';

describe('change streams', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;

  beforeAll(async () => {
    server = await startEmbeddedMongo({ retainedChanges: 50 });
    client = await new MongoClient(server.uri).connect();
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('delivers insert, update (with its description), replace and delete, and looks up full documents', async () => {
    const jobs = client.db('streams').collection('jobs');
    const stream = jobs.watch([], { fullDocument: 'updateLookup' });
    await stream.tryNext();
    await jobs.insertOne({ _id: 1 as never, status: 'open', tags: ['a'] });
    await jobs.updateOne({ _id: 1 as never }, { $set: { status: 'accepted' }, $unset: { tags: '' } });
    const events: ChangeStreamDocument[] = [await stream.next(), await stream.next()];
    await jobs.replaceOne({ _id: 1 as never }, { status: 'done' });
    await jobs.deleteOne({ _id: 1 as never });
    while (events.length < 4) events.push(await stream.next());
    expect(events.map((event) => event.operationType)).toEqual(['insert', 'update', 'replace', 'delete']);
    const update = events[1] as Document;
    expect(update.updateDescription).toEqual({
      updatedFields: { status: 'accepted' },
      removedFields: ['tags'],
      truncatedArrays: [],
    });
    // updateLookup reads the document as it is when the event is delivered.
    expect(update.fullDocument).toEqual({ _id: 1, status: 'accepted' });
    expect((events[2] as Document).fullDocument).toEqual({ _id: 1, status: 'done' });
    expect(typeof (events[0]._id as { _data: unknown })._data).toBe('string');
    await stream.close();
  });

  it('resumes after a token and watches a whole database', async () => {
    const db = client.db('streams_db');
    const stream = db.watch();
    await stream.tryNext();
    await db.collection('a').insertOne({ n: 1 });
    const first = await stream.next();
    await stream.close();
    await db.collection('b').insertOne({ n: 2 });
    const resumed = db.watch([], { resumeAfter: first._id });
    const next = (await resumed.next()) as Document;
    expect(next.ns).toEqual({ db: 'streams_db', coll: 'b' });
    await resumed.close();
  });

  it('waits for new events instead of returning at once, up to maxAwaitTimeMS', async () => {
    const jobs = client.db('streams').collection('waiting');
    const stream = jobs.watch([], { maxAwaitTimeMS: 300 });
    const started = Date.now();
    expect(await stream.tryNext()).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    setTimeout(() => void jobs.insertOne({ late: true }), 50);
    const woke = Date.now();
    const event = (await stream.next()) as Document;
    expect(event.fullDocument.late).toBe(true);
    expect(Date.now() - woke).toBeLessThan(290);
    await stream.close();
  });

  it('fails with ChangeStreamHistoryLost (286) for a token outside the retained window', async () => {
    const jobs = client.db('streams').collection('history');
    const stream = jobs.watch();
    await stream.tryNext();
    await jobs.insertOne({ n: 0 });
    const oldToken = (await stream.next())._id;
    await stream.close();
    await jobs.insertMany(Array.from({ length: 120 }, (_, n) => ({ n })));
    const stale = jobs.watch([], { resumeAfter: oldToken });
    await expect(stale.next()).rejects.toMatchObject({ code: 286 });
    await stale.close();
  });

  it('ends a collection stream with invalidate when the collection is dropped', async () => {
    const db = client.db('streams');
    await db.collection('doomed').insertOne({ n: 1 });
    const stream = db.collection('doomed').watch();
    await stream.tryNext();
    await db.collection('doomed').drop();
    const events = [await stream.next(), await stream.next()];
    expect(events.map((event) => event.operationType)).toEqual(['drop', 'invalidate']);
    await stream.close();
  });
});
