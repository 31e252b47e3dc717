import { describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';
import { catchServerError } from './server-error';

/**
 * Where MongoDB 7.0 says no, the server says no (a silently accepted option changes what a write does);
 * where MongoDB 5.0+ says yes, it says yes.
 */
describe('say no where MongoDB says no', () => {
  const target = useConformanceDatabase({ area: 'refusals' });

  it('refuses an update statement with a sort field (40415) and changes nothing', async () => {
    const c = target.freshCollection();
    await c.insertMany([
      { _id: 1, n: 0 },
      { _id: 2, n: 0 },
      { _id: 3, n: 0 },
    ]);
    const error = await catchServerError(
      target.db.command({ update: c.collectionName, updates: [{ q: {}, u: { $set: { n: 1 } }, sort: { _id: -1 } }] }),
    );
    expect(error.code).toBe(40415);
    expect(error.message).toMatch(/update\.updates\.sort/);
    expect(await c.countDocuments({ n: 1 })).toBe(0);
  });

  it('refuses unknown fields in commands and in delete statements (40415), naming them', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1 });
    const find = await catchServerError(target.db.command({ find: c.collectionName, filter: {}, bogus: 1 }));
    expect(find.code).toBe(40415);
    expect(find.message).toMatch(/find\.bogus/);
    const insert = await catchServerError(target.db.command({ insert: c.collectionName, documents: [{}], bogus: 1 }));
    expect(insert.code).toBe(40415);
    expect(
      (
        await catchServerError(
          target.db.command({ delete: c.collectionName, deletes: [{ q: {}, limit: 0, bogus: 1 }] }),
        )
      ).code,
    ).toBe(40415);
    expect(await c.countDocuments()).toBe(1);
  });

  it('refuses $out under a linearizable read concern (InvalidOptions) and writes nothing', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1 });
    const out = `${c.collectionName}_out`;
    const error = await catchServerError(
      target.db.command({
        aggregate: c.collectionName,
        pipeline: [{ $match: {} }, { $out: out }],
        cursor: {},
        readConcern: { level: 'linearizable' },
      }),
    );
    expect(error.code).toBe(72);
    expect(await target.db.listCollections({ name: out }).toArray()).toEqual([]);
  });
});

describe('say yes where MongoDB says yes', () => {
  const target = useConformanceDatabase({ area: 'acceptances' });

  it('stores top-level $-prefixed field names on insert (MongoDB 5.0+)', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, $price: 5, nested: { $currency: 'KES' } });
    const [stored] = await c.aggregate([{ $match: { _id: 1 } }]).toArray();
    expect(stored).toEqual({ _id: 1, $price: 5, nested: { $currency: 'KES' } });
  });

  it('keeps the original _id when a pipeline update replaces the root without one', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 7, order: { sku: 'BAG-1', quantity: 3 } });
    const result = await c.updateOne({ _id: 7 }, [{ $replaceRoot: { newRoot: '$order' } }]);
    expect(result.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: 7 })).toEqual({ _id: 7, sku: 'BAG-1', quantity: 3 });
  });
});
