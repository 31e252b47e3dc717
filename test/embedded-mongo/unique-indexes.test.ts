import { MongoBulkWriteError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';
import { catchServerError } from './server-error';

const target = useConformanceDatabase({ area: 'unique_indexes' });

describe('unique indexes', () => {
  it('refuses a duplicate with E11000, naming the index, keyPattern and keyValue', async () => {
    const artisans = target.freshCollection('artisans');
    expect(await artisans.createIndex({ phone: 1 }, { unique: true })).toBe('phone_1');
    await artisans.insertOne({ phone: '+254700000001' });
    const error = await catchServerError(artisans.insertOne({ phone: '+254700000001', name: 'dup' }));
    expect(error.code).toBe(11000);
    expect(error.keyPattern).toEqual({ phone: 1 });
    expect(error.keyValue).toEqual({ phone: '+254700000001' });
    expect(error.message).toMatch(/E11000 duplicate key error/);
    expect(error.message).toContain('phone_1');
    expect(await artisans.countDocuments()).toBe(1);
  });

  it('refuses an update that would create a duplicate, leaving the document unchanged', async () => {
    const c = target.freshCollection();
    await c.createIndex({ code: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, code: 'A' },
      { _id: 2, code: 'B' },
    ]);
    const error = await catchServerError(c.updateOne({ _id: 2 }, { $set: { code: 'A' } }));
    expect(error.code).toBe(11000);
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, code: 'B' });
  });

  it('treats a missing field as null, so only one document may lack it', async () => {
    const c = target.freshCollection();
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ name: 'no email' });
    const error = await catchServerError(c.insertOne({ name: 'also none' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ email: null });
  });

  it('compound unique indexes compare the whole key', async () => {
    const c = target.freshCollection();
    await c.createIndex({ workshop: 1, week: 1 }, { unique: true });
    await c.insertMany([
      { workshop: 'W1', week: 1 },
      { workshop: 'W1', week: 2 },
      { workshop: 'W2', week: 1 },
    ]);
    const error = await catchServerError(c.insertOne({ workshop: 'W1', week: 2 }));
    expect(error.keyPattern).toEqual({ workshop: 1, week: 1 });
    expect(error.keyValue).toEqual({ workshop: 'W1', week: 2 });
  });

  it('sparse unique indexes ignore documents without the field', async () => {
    const c = target.freshCollection();
    await c.createIndex({ nationalId: 1 }, { unique: true, sparse: true });
    await c.insertMany([{ n: 1 }, { n: 2 }, { nationalId: 'X1' }]);
    expect((await catchServerError(c.insertOne({ nationalId: 'X1' }))).code).toBe(11000);
    expect(await c.countDocuments()).toBe(3);
  });

  it('partial unique indexes only constrain documents matching the filter', async () => {
    const c = target.freshCollection();
    await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { email: 'a@k.test', active: false },
      { email: 'a@k.test', active: false },
      { email: 'a@k.test', active: true },
    ]);
    expect((await catchServerError(c.insertOne({ email: 'a@k.test', active: true }))).code).toBe(11000);
    const deactivate = await c.updateOne({ active: true }, { $set: { active: false } });
    expect(deactivate.modifiedCount).toBe(1);
    await c.insertOne({ email: 'a@k.test', active: true });
    expect(await c.countDocuments({ email: 'a@k.test' })).toBe(4);
  });

  it('unique multikey indexes compare each array element across documents, not within one', async () => {
    const c = target.freshCollection();
    await c.createIndex({ tags: 1 }, { unique: true });
    await c.insertOne({ tags: ['x', 'x', 'y'] });
    expect((await catchServerError(c.insertOne({ tags: ['z', 'y'] }))).code).toBe(11000);
  });

  it('cannot be built over existing duplicates', async () => {
    const c = target.freshCollection();
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    expect((await catchServerError(c.createIndex({ k: 1 }, { unique: true }))).code).toBe(11000);
    const names = (await c.listIndexes().toArray()).map((index) => index.name);
    expect(names).toEqual(['_id_']);
  });

  it('re-creating an identical index is a no-op; same name with other options is refused', async () => {
    const c = target.freshCollection();
    await c.createIndex({ k: 1 }, { unique: true });
    expect(await c.createIndex({ k: 1 }, { unique: true })).toBe('k_1');
    const error = await catchServerError(c.createIndex({ k: 1 }, { unique: false, sparse: true }));
    expect(error.code).toBe(85);
  });
});

describe('insertMany with duplicates', () => {
  const batch = () => [{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }, { _id: 2 }];

  it('ordered: stops at the first error and reports it by index', async () => {
    const c = target.freshCollection();
    const error = await catchServerError(c.insertMany(batch()));
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulkError = error as MongoBulkWriteError;
    expect(bulkError.insertedCount).toBe(2);
    const writeErrors = Array.isArray(bulkError.writeErrors) ? bulkError.writeErrors : [bulkError.writeErrors];
    expect(writeErrors.map((e) => [e.index, e.code])).toEqual([[2, 11000]]);
    expect((await c.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 2]);
  });

  it('unordered: inserts everything else and reports each failure by index', async () => {
    const c = target.freshCollection();
    const error = await catchServerError(c.insertMany(batch(), { ordered: false }));
    const bulkError = error as MongoBulkWriteError;
    expect(bulkError.insertedCount).toBe(3);
    const writeErrors = Array.isArray(bulkError.writeErrors) ? bulkError.writeErrors : [bulkError.writeErrors];
    expect(writeErrors.map((e) => [e.index, e.code])).toEqual([
      [2, 11000],
      [4, 11000],
    ]);
    expect((await c.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 2, 3]);
  });

  it('bulkWrite reports per-operation results alongside the errors', async () => {
    const c = target.freshCollection();
    await c.createIndex({ sku: 1 }, { unique: true });
    await c.insertOne({ _id: 0, sku: 'A' });
    const error = await catchServerError(
      c.bulkWrite(
        [
          { insertOne: { document: { _id: 1, sku: 'B' } } },
          { updateOne: { filter: { _id: 1 }, update: { $set: { sku: 'A' } } } },
          { deleteOne: { filter: { _id: 0 } } },
        ],
        { ordered: false },
      ),
    );
    const bulkError = error as MongoBulkWriteError;
    expect(bulkError.result.insertedCount).toBe(1);
    expect(bulkError.result.deletedCount).toBe(1);
    expect(bulkError.result.modifiedCount).toBe(0);
    const writeErrors = Array.isArray(bulkError.writeErrors) ? bulkError.writeErrors : [bulkError.writeErrors];
    expect(writeErrors.map((e) => [e.index, e.code])).toEqual([[1, 11000]]);
  });
});
