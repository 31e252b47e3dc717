import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';
import { catchServerError } from './server-error';

const target = useConformanceDatabase({ area: 'crud' });

describe('inserts', () => {
  it('insertOne generates an ObjectId _id and stores the document', async () => {
    const orders = target.freshCollection('orders');
    const result = await orders.insertOne({ sku: 'BR-001', qty: 3 });
    expect(result.acknowledged).toBe(true);
    expect(result.insertedId).toBeInstanceOf(ObjectId);
    expect(await orders.findOne({ _id: result.insertedId })).toEqual({ _id: result.insertedId, sku: 'BR-001', qty: 3 });
  });

  it('insertMany reports every inserted _id by position', async () => {
    const orders = target.freshCollection('orders');
    const result = await orders.insertMany([{ _id: 'a' }, { _id: 'b' }, { n: 3 }]);
    expect(result.insertedCount).toBe(3);
    expect(result.insertedIds[0]).toBe('a');
    expect(result.insertedIds[1]).toBe('b');
    expect(result.insertedIds[2]).toBeInstanceOf(ObjectId);
    expect(await orders.countDocuments()).toBe(3);
  });

  it('moves _id to the front of a stored document and keeps the order of the other fields', async () => {
    const orders = target.freshCollection('orders');
    await orders.insertOne({ zeta: 1, alpha: 2, _id: 7, mid: { b: 1, a: 2 } });
    const stored = await orders.findOne({ _id: 7 });
    expect(Object.keys(stored ?? {})).toEqual(['_id', 'zeta', 'alpha', 'mid']);
    expect(Object.keys(stored?.mid ?? {})).toEqual(['b', 'a']);
  });

  it('refuses a second document with the same _id (E11000)', async () => {
    const orders = target.freshCollection('orders');
    await orders.insertOne({ _id: 1 });
    const error = await catchServerError(orders.insertOne({ _id: 1, other: true }));
    expect(error.code).toBe(11000);
    expect(await orders.countDocuments()).toBe(1);
  });
});

describe('queries', () => {
  const seed = [
    { _id: 1, workshop: 'Kibera', skills: ['brass', 'beads'], units: 10, meta: { region: 'west', rating: 4 } },
    { _id: 2, workshop: 'Mathare', skills: ['horn'], units: 25, meta: { region: 'east', rating: 5 } },
    { _id: 3, workshop: 'Kawangware', skills: ['brass'], units: 5, meta: { region: 'west', rating: 3 } },
    { _id: 4, workshop: 'Korogocho', skills: [], units: null },
    { _id: 5, workshop: 'Dandora' },
  ];
  async function seeded() {
    const workshops = target.freshCollection('workshops');
    await workshops.insertMany(seed);
    return workshops;
  }
  const ids = (docs: { _id: unknown }[]) => docs.map((doc) => doc._id);

  it('matches comparison, set and logical operators', async () => {
    const w = await seeded();
    expect(
      ids(
        await w
          .find({ units: { $gt: 5, $lte: 25 } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 2]);
    expect(
      ids(
        await w
          .find({ _id: { $in: [2, 3, 99] } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([2, 3]);
    expect(
      ids(
        await w
          .find({ _id: { $nin: [1, 2, 3] } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([4, 5]);
    expect(
      ids(
        await w
          .find({ $or: [{ units: 5 }, { workshop: 'Mathare' }] })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([2, 3]);
    expect(
      ids(
        await w
          .find({ units: { $not: { $gt: 5 } } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([3, 4, 5]);
    expect(
      ids(
        await w
          .find({ workshop: { $regex: '^K', $options: '' } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 3, 4]);
  });

  it('treats null as matching both null and missing, and $exists as presence', async () => {
    const w = await seeded();
    expect(ids(await w.find({ units: null }).sort({ _id: 1 }).toArray())).toEqual([4, 5]);
    expect(ids(await w.find({ units: { $exists: false } }).toArray())).toEqual([5]);
    expect(
      ids(
        await w
          .find({ units: { $exists: true } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 2, 3, 4]);
    expect(ids(await w.find({ units: { $type: 'null' } }).toArray())).toEqual([4]);
  });

  it('matches inside arrays and nested documents', async () => {
    const w = await seeded();
    expect(ids(await w.find({ skills: 'brass' }).sort({ _id: 1 }).toArray())).toEqual([1, 3]);
    expect(ids(await w.find({ skills: { $all: ['beads', 'brass'] } }).toArray())).toEqual([1]);
    expect(ids(await w.find({ skills: { $size: 0 } }).toArray())).toEqual([4]);
    expect(ids(await w.find({ 'meta.region': 'west', 'meta.rating': { $gte: 4 } }).toArray())).toEqual([1]);
    expect(ids(await w.find({ meta: { region: 'east', rating: 5 } }).toArray())).toEqual([2]);
    // Whole-document equality is field-order sensitive.
    expect(await w.countDocuments({ meta: { rating: 5, region: 'east' } })).toBe(0);
  });

  it('applies projection, sort, skip and limit', async () => {
    const w = await seeded();
    const page = await w
      .find({ units: { $type: 'number' } }, { projection: { workshop: 1 } })
      .sort({ units: -1 })
      .skip(1)
      .limit(1)
      .toArray();
    expect(page).toEqual([{ _id: 1, workshop: 'Kibera' }]);
    const excluded = await w.findOne({ _id: 2 }, { projection: { meta: 0, skills: 0 } });
    expect(excluded).toEqual({ _id: 2, workshop: 'Mathare', units: 25 });
    const nested = await w.findOne({ _id: 1 }, { projection: { _id: 0, 'meta.region': 1 } });
    expect(nested).toEqual({ meta: { region: 'west' } });
  });

  it('sorts mixed types in BSON order: missing/null, numbers, strings, objects, booleans', async () => {
    const mixed = target.freshCollection('mixed');
    await mixed.insertMany([
      { _id: 1, v: 'b' },
      { _id: 2, v: true },
      { _id: 3, v: 10 },
      { _id: 4, v: null },
      { _id: 5, v: { x: 1 } },
      { _id: 6, v: 2.5 },
      { _id: 7 },
      { _id: 8, v: 'B' },
    ]);
    const ascending = ids(await mixed.find().sort({ v: 1, _id: 1 }).toArray());
    expect(ascending).toEqual([4, 7, 6, 3, 8, 1, 5, 2]);
  });
});

describe('updates, replaces and deletes', () => {
  it('reports matched and modified counts, with no modification for a no-op $set', async () => {
    const c = target.freshCollection();
    await c.insertMany([
      { _id: 1, s: 'open' },
      { _id: 2, s: 'open' },
      { _id: 3, s: 'done' },
    ]);
    const many = await c.updateMany({ s: 'open' }, { $set: { s: 'done' } });
    expect([many.matchedCount, many.modifiedCount, many.upsertedId]).toEqual([2, 2, null]);
    const noop = await c.updateOne({ _id: 3 }, { $set: { s: 'done' } });
    expect([noop.matchedCount, noop.modifiedCount]).toEqual([1, 0]);
    const none = await c.updateOne({ _id: 99 }, { $set: { s: 'x' } });
    expect([none.matchedCount, none.modifiedCount]).toEqual([0, 0]);
  });

  it('replaceOne swaps the whole document but keeps _id', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, a: 1, b: 2 });
    const result = await c.replaceOne({ _id: 1 }, { c: 3 });
    expect(result.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, c: 3 });
  });

  it('deleteOne removes one match, deleteMany all of them', async () => {
    const c = target.freshCollection();
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await c.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect((await c.deleteMany({ k: 42 })).deletedCount).toBe(0);
    expect(await c.countDocuments()).toBe(1);
  });

  it('findOneAndUpdate, findOneAndReplace and findOneAndDelete return the right version', async () => {
    const c = target.freshCollection();
    await c.insertMany([
      { _id: 1, n: 1 },
      { _id: 2, n: 5 },
    ]);
    expect(await c.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } })).toEqual({ _id: 1, n: 1 });
    expect(await c.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnDocument: 'after' })).toEqual({
      _id: 1,
      n: 3,
    });
    expect(await c.findOneAndReplace({ _id: 2 }, { m: 0 }, { returnDocument: 'after' })).toEqual({ _id: 2, m: 0 });
    expect(await c.findOneAndDelete({}, { sort: { _id: -1 } })).toEqual({ _id: 2, m: 0 });
    expect(await c.findOneAndUpdate({ _id: 404 }, { $set: { n: 1 } })).toBeNull();
    expect(await c.find().toArray()).toEqual([{ _id: 1, n: 3 }]);
  });

  it('counts with countDocuments (filter, skip, limit) and estimatedDocumentCount', async () => {
    const c = target.freshCollection();
    await c.insertMany(Array.from({ length: 30 }, (_, i) => ({ i, even: i % 2 === 0 })));
    expect(await c.countDocuments({ even: true })).toBe(15);
    expect(await c.countDocuments({}, { skip: 25 })).toBe(5);
    expect(await c.countDocuments({}, { limit: 7 })).toBe(7);
    expect(await c.estimatedDocumentCount()).toBe(30);
  });
});
