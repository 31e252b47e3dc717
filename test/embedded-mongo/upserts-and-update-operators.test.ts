import { Timestamp } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';
import { catchServerError } from './server-error';

const target = useConformanceDatabase({ area: 'updates' });

describe('upserts', () => {
  it('seeds the new document from the equality parts of the filter only', async () => {
    const c = target.freshCollection();
    const result = await c.updateOne(
      { sku: 'BR-1', 'spec.size': 'M', qty: { $gt: 5 }, $and: [{ colour: 'gold' }] },
      { $set: { price: 1200 } },
      { upsert: true },
    );
    expect([result.matchedCount, result.modifiedCount, result.upsertedCount]).toEqual([0, 0, 1]);
    const stored = await c.findOne({ _id: result.upsertedId! });
    expect(stored).toEqual({ _id: result.upsertedId, sku: 'BR-1', spec: { size: 'M' }, colour: 'gold', price: 1200 });
  });

  it('uses an _id given in the filter', async () => {
    const c = target.freshCollection();
    const result = await c.updateOne({ _id: 'order-7' }, { $inc: { n: 1 } }, { upsert: true });
    expect(result.upsertedId).toBe('order-7');
    expect(await c.findOne({ _id: 'order-7' })).toEqual({ _id: 'order-7', n: 1 });
  });

  it('applies $setOnInsert only when the upsert inserts', async () => {
    const c = target.freshCollection();
    const upsert = () =>
      c.updateOne({ _id: 1 }, { $setOnInsert: { createdBy: 'first' }, $inc: { visits: 1 } }, { upsert: true });
    await upsert();
    await c.updateOne({ _id: 1 }, { $setOnInsert: { createdBy: 'second' }, $inc: { visits: 1 } }, { upsert: true });
    await upsert();
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, createdBy: 'first', visits: 3 });
  });

  it('replaceOne with upsert inserts the replacement under the filter _id', async () => {
    const c = target.freshCollection();
    const result = await c.replaceOne({ _id: 5 }, { name: 'Kibera' }, { upsert: true });
    expect(result.upsertedId).toBe(5);
    expect(await c.findOne({ _id: 5 })).toEqual({ _id: 5, name: 'Kibera' });
  });
});

describe('_id is immutable', () => {
  it('refuses $set of _id and a replacement with another _id (ImmutableField)', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, a: 1 });
    const viaSet = await catchServerError(c.updateOne({ _id: 1 }, { $set: { _id: 2 } }));
    expect(viaSet.code).toBe(66);
    const viaReplace = await catchServerError(c.replaceOne({ _id: 1 }, { _id: 3, a: 2 }));
    expect(viaReplace.code).toBe(66);
    expect(await c.find().toArray()).toEqual([{ _id: 1, a: 1 }]);
  });

  it('accepts $set of _id to its current value', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, a: 1 });
    const result = await c.updateOne({ _id: 1 }, { $set: { _id: 1, a: 2 } });
    expect(result.modifiedCount).toBe(1);
  });
});

describe('field operators', () => {
  it('$inc, $mul, $min, $max create missing fields and compare as numbers', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, stock: 10, price: 300, low: 5, high: 5 });
    await c.updateOne(
      { _id: 1 },
      { $inc: { stock: -3, sold: 3 }, $mul: { price: 2, missingMul: 4 }, $min: { low: 2 }, $max: { high: 9 } },
    );
    await c.updateOne({ _id: 1 }, { $min: { low: 7 }, $max: { high: 1 } });
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      stock: 7,
      price: 600,
      low: 2,
      high: 9,
      sold: 3,
      missingMul: 0,
    });
  });

  it('$inc on a non-numeric field is a TypeMismatch', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, name: 'x' });
    const error = await catchServerError(c.updateOne({ _id: 1 }, { $inc: { name: 1 } }));
    expect(error.code).toBe(14);
  });

  it('$set creates nested paths, $unset removes fields, $rename moves them', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, old: 'v', gone: true, keep: 1 });
    await c.updateOne({ _id: 1 }, { $set: { 'a.b.c': 1 }, $unset: { gone: '' }, $rename: { old: 'renamed' } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, keep: 1, a: { b: { c: 1 } }, renamed: 'v' });
  });

  it('$set through a scalar is refused (PathNotViable)', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, a: 5 });
    const error = await catchServerError(c.updateOne({ _id: 1 }, { $set: { 'a.b': 1 } }));
    expect(error.code).toBe(28);
  });

  it('$currentDate sets a Date, or a Timestamp when asked', async () => {
    const c = target.freshCollection<{ _id: number; updatedAt?: Date; ts?: Timestamp }>();
    await c.insertOne({ _id: 1 });
    const before = Date.now();
    await c.updateOne({ _id: 1 }, { $currentDate: { updatedAt: true, ts: { $type: 'timestamp' } } });
    const stored = await c.findOne({ _id: 1 });
    expect(stored?.updatedAt).toBeInstanceOf(Date);
    expect(stored?.updatedAt?.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(stored?.ts).toBeInstanceOf(Timestamp);
  });

  it('refuses two operators on the same path and unknown operators', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, a: 1 });
    const conflict = await catchServerError(c.updateOne({ _id: 1 }, { $set: { a: 2 }, $inc: { a: 1 } }));
    expect(conflict.code).toBe(40);
    const unknown = await catchServerError(c.updateOne({ _id: 1 }, { $frobnicate: { a: 1 } } as never));
    expect(unknown.code).toBe(9);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1 });
  });
});

describe('array operators', () => {
  it('$push with $each, $position, $sort and $slice', async () => {
    const c = target.freshCollection<{ _id: number; scores: number[]; fresh?: string[] }>();
    await c.insertOne({ _id: 1, scores: [50, 70] });
    await c.updateOne({ _id: 1 }, { $push: { scores: { $each: [90, 10], $sort: -1, $slice: 3 } } });
    await c.updateOne({ _id: 1 }, { $push: { scores: { $each: [1], $position: 0 }, fresh: 'x' } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, scores: [1, 90, 70, 50], fresh: ['x'] });
  });

  it('$push onto a non-array is refused', async () => {
    const c = target.freshCollection<{ _id: number; scores: number[] }>();
    // Stored through an untyped handle: the point is a document whose field is not an array.
    await target.collection(c.collectionName).insertOne({ _id: 1, scores: 3 });
    const error = await catchServerError(c.updateOne({ _id: 1 }, { $push: { scores: 4 } }));
    expect(error.code).toBe(2);
  });

  it('$addToSet ignores values already present, $pull removes by value or condition, $pullAll and $pop', async () => {
    const c = target.freshCollection<{ _id: number; tags: string[]; nums: number[]; list: number[]; q: number[] }>();
    await c.insertOne({ _id: 1, tags: ['a'], nums: [1, 5, 8, 12], list: [1, 2, 3, 2], q: [1, 2, 3] });
    await c.updateOne({ _id: 1 }, { $addToSet: { tags: { $each: ['a', 'b', 'b'] } } });
    await c.updateOne({ _id: 1 }, { $pull: { nums: { $gte: 8 } }, $pullAll: { list: [2, 3] }, $pop: { q: -1 } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, tags: ['a', 'b'], nums: [1, 5], list: [1], q: [2, 3] });
  });

  it('$pull with a document condition removes matching sub-documents', async () => {
    const c = target.freshCollection<{ _id: number; items: { sku: string; qty: number }[] }>();
    await c.insertOne({
      _id: 1,
      items: [
        { sku: 'A', qty: 0 },
        { sku: 'B', qty: 2 },
        { sku: 'C', qty: 0 },
      ],
    });
    await c.updateOne({ _id: 1 }, { $pull: { items: { qty: 0 } } });
    expect((await c.findOne({ _id: 1 }))?.items).toEqual([{ sku: 'B', qty: 2 }]);
  });

  it('positional $ updates the first element the query matched', async () => {
    const c = target.freshCollection();
    await c.insertOne({
      _id: 1,
      items: [
        { sku: 'A', qty: 1 },
        { sku: 'B', qty: 1 },
        { sku: 'B', qty: 1 },
      ],
    });
    const result = await c.updateOne({ _id: 1, 'items.sku': 'B' }, { $set: { 'items.$.qty': 9 } });
    expect(result.modifiedCount).toBe(1);
    expect((await c.findOne({ _id: 1 }))?.items.map((item: { qty: number }) => item.qty)).toEqual([1, 9, 1]);
  });

  it('$[] updates every element, $[name] those matching arrayFilters', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, items: [{ qty: 1 }, { qty: 3 }, { qty: 5 }] });
    await c.updateOne({ _id: 1 }, { $inc: { 'items.$[].qty': 1 } });
    await c.updateOne(
      { _id: 1 },
      { $set: { 'items.$[big].big': true } },
      { arrayFilters: [{ 'big.qty': { $gt: 3 } }] },
    );
    expect((await c.findOne({ _id: 1 }))?.items).toEqual([{ qty: 2 }, { qty: 4, big: true }, { qty: 6, big: true }]);
  });

  it('refuses an array filter identifier that the update does not use', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, items: [{ qty: 1 }] });
    const error = await catchServerError(
      c.updateOne({ _id: 1 }, { $set: { 'items.$[x].qty': 2 } }, { arrayFilters: [{ 'x.qty': 1 }, { 'y.qty': 1 }] }),
    );
    expect(error.code).toBe(9);
  });
});

describe('pipeline-style updates', () => {
  it('computes new fields from the current document', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, units: 4, rateCents: 250 });
    await c.updateOne({ _id: 1 }, [{ $set: { totalCents: { $multiply: ['$units', '$rateCents'] } } }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, units: 4, rateCents: 250, totalCents: 1000 });
  });
});
