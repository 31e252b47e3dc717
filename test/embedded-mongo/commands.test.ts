import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';
import { catchServerError } from './server-error';

const target = useConformanceDatabase({ area: 'commands' });

describe('server and database commands', () => {
  it('ping, hello and buildInfo answer with what drivers rely on', async () => {
    expect((await target.db.command({ ping: 1 })).ok).toBe(1);
    const hello = await target.db.admin().command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(hello.maxMessageSizeBytes).toBe(48_000_000);
    expect(hello.maxWriteBatchSize).toBe(100_000);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(8);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(hello.localTime).toBeInstanceOf(Date);
    const buildInfo = await target.db.admin().command({ buildInfo: 1 });
    expect(buildInfo.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command fails with CommandNotFound (59) in the standard error shape', async () => {
    const error = await catchServerError(target.db.command({ kiwandaNoSuchCommand: 1 }));
    expect(error.code).toBe(59);
    expect(error.codeName).toBe('CommandNotFound');
    expect(error.errmsg).toMatch(/no such command/i);
    expect(error.errorResponse.ok).toBe(0);
    expect(typeof error.errorResponse.errmsg).toBe('string');
  });

  it('a command argument of the wrong type is refused, naming the field', async () => {
    const c = target.freshCollection();
    const error = await catchServerError(target.db.command({ find: c.collectionName, filter: 5 }));
    expect(error.code).toBe(14);
    expect(error.errmsg).toContain('filter');
  });

  it('unknown query operators are refused (BadValue)', async () => {
    const c = target.freshCollection();
    await c.insertOne({ a: 1 });
    expect((await catchServerError(c.find({ a: { $near2: 1 } } as never).toArray())).code).toBe(2);
    expect((await catchServerError(c.find({ $where2: 1 } as never).toArray())).code).toBe(2);
  });

  it('count and distinct commands', async () => {
    const c = target.freshCollection();
    await c.insertMany([
      { skill: 'brass', tags: ['a', 'b'] },
      { skill: 'brass', tags: ['b'] },
      { skill: 'horn', tags: [] },
      { skill: 'horn' },
    ]);
    const count = await target.db.command({ count: c.collectionName, query: { skill: 'brass' } });
    expect([count.n, count.ok]).toEqual([2, 1]);
    const distinct = await target.db.command({ distinct: c.collectionName, key: 'tags', query: {} });
    expect([...distinct.values].sort()).toEqual(['a', 'b']);
    expect((await c.distinct('skill')).sort()).toEqual(['brass', 'horn']);
  });
});

describe('collections', () => {
  it('listCollections lists created and implicitly created collections, with filters', async () => {
    const explicit = target.freshCollection('explicit');
    const implicit = target.freshCollection('implicit');
    await target.db.createCollection(explicit.collectionName);
    await implicit.insertOne({ x: 1 });
    const all = await target.db.listCollections().toArray();
    const names = all.map((info) => info.name);
    expect(names).toEqual(expect.arrayContaining([explicit.collectionName, implicit.collectionName]));
    expect(all.find((info) => info.name === implicit.collectionName)?.type).toBe('collection');
    const filtered = await target.db.listCollections({ name: explicit.collectionName }, { nameOnly: true }).toArray();
    expect(filtered).toEqual([{ name: explicit.collectionName, type: 'collection' }]);
  });

  it('creating an existing collection fails with NamespaceExists (48)', async () => {
    const c = target.freshCollection();
    await target.db.createCollection(c.collectionName);
    expect((await catchServerError(target.db.command({ create: c.collectionName }))).code).toBe(48);
  });

  it('renameCollection moves documents and indexes; an existing target needs dropTarget', async () => {
    const source = target.freshCollection('source');
    const occupied = target.freshCollection('occupied');
    await source.createIndex({ sku: 1 }, { unique: true });
    await source.insertMany([{ sku: 'A' }, { sku: 'B' }]);
    await occupied.insertOne({ old: true });

    const error = await catchServerError(source.rename(occupied.collectionName));
    expect(error.code).toBe(48);
    const renamed = await source.rename(occupied.collectionName, { dropTarget: true });
    expect(await renamed.countDocuments()).toBe(2);
    expect(await renamed.countDocuments({ old: true })).toBe(0);
    expect((await renamed.listIndexes().toArray()).map((index) => index.name).sort()).toEqual(['_id_', 'sku_1']);
    const remaining = (await target.db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name);
    expect(remaining).not.toContain(source.collectionName);
  });

  it('drop removes the collection and its documents', async () => {
    const c = target.freshCollection();
    await c.insertOne({ x: 1 });
    expect(await c.drop()).toBe(true);
    expect(await c.countDocuments()).toBe(0);
    const names = (await target.db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name);
    expect(names).not.toContain(c.collectionName);
  });

  it('listDatabases includes this database', async () => {
    await target.freshCollection().insertOne({ x: 1 });
    const { databases } = await target.client.db('admin').admin().listDatabases();
    expect(databases.map((db) => db.name)).toContain(target.dbName);
  });
});

describe('indexes', () => {
  it('listIndexes shows the _id index and created indexes with their options', async () => {
    const c = target.freshCollection();
    await c.createIndex({ phone: 1 }, { unique: true });
    await c.createIndex({ workshop: 1, week: -1 }, { name: 'by_workshop_week', sparse: true });
    const indexes = await c.listIndexes().toArray();
    expect(indexes.find((index) => index.name === '_id_')).toMatchObject({ v: 2, key: { _id: 1 } });
    expect(indexes.find((index) => index.name === 'phone_1')).toMatchObject({ key: { phone: 1 }, unique: true });
    expect(indexes.find((index) => index.name === 'by_workshop_week')).toMatchObject({
      key: { workshop: 1, week: -1 },
      sparse: true,
    });
  });

  it('dropIndexes by name and by "*" keeps _id_; unknown names and _id_ are refused', async () => {
    const c = target.freshCollection();
    await c.createIndexes([{ key: { a: 1 } }, { key: { b: 1 } }, { key: { c: 1 } }]);
    await c.dropIndex('a_1');
    expect((await c.listIndexes().toArray()).map((index) => index.name).sort()).toEqual(['_id_', 'b_1', 'c_1']);
    expect((await catchServerError(c.dropIndex('nope_1'))).code).toBe(27);
    expect((await catchServerError(c.dropIndex('_id_'))).code).toBe(72);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });

  // Kiwanda's USSD sessions expire through a TTL index; the removal itself is checked in storage/ttl-monitor.test.ts
  // (a real mongod's TTL monitor runs once a minute, too slow to wait for here).
  it('a TTL index keeps its expireAfterSeconds, and collMod changes it', async () => {
    const c = target.freshCollection();
    await c.createIndex({ createdAt: 1 }, { expireAfterSeconds: 600 });
    const ttlOf = async () =>
      (await c.listIndexes().toArray()).find((index) => index.name === 'createdAt_1')?.expireAfterSeconds;
    expect(await ttlOf()).toBe(600);
    await target.db.command({ collMod: c.collectionName, index: { name: 'createdAt_1', expireAfterSeconds: 60 } });
    expect(await ttlOf()).toBe(60);
  });

  it('listIndexes on a missing collection fails with NamespaceNotFound (26)', async () => {
    const error = await catchServerError(target.db.command({ listIndexes: 'never_created_here' }));
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error.code).toBe(26);
  });
});

describe('options drivers send on ordinary operations', () => {
  it('accepts majority and journaled write concerns, read concerns, maxTimeMS, comment and allowDiskUse', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, n: 1 }, { writeConcern: { w: 'majority', journal: true, wtimeoutMS: 5_000 } });
    await c.updateOne({ _id: 1 }, { $inc: { n: 1 } }, { writeConcern: { w: 1 } });
    expect(
      await c.findOne({ _id: 1 }, { readConcern: { level: 'majority' }, maxTimeMS: 5_000, comment: 'conformance' }),
    ).toEqual({ _id: 1, n: 2 });
    const grouped = await c
      .aggregate([{ $group: { _id: null, n: { $sum: '$n' } } }], {
        allowDiskUse: true,
        readConcern: { level: 'local' },
      })
      .toArray();
    expect(grouped).toEqual([{ _id: null, n: 2 }]);
  });

  it('hint accepts an index name and refuses one that does not exist (BadValue)', async () => {
    const c = target.freshCollection();
    await c.createIndex({ k: 1 }, { name: 'by_k' });
    await c.insertMany([{ k: 2 }, { k: 1 }]);
    expect(
      (
        await c
          .find({ k: { $gte: 1 } })
          .hint('by_k')
          .toArray()
      ).map((doc) => doc.k),
    ).toEqual([1, 2]);
    expect((await catchServerError(c.find({}).hint('no_such_index').toArray())).code).toBe(2);
  });
});
