import { Decimal128, Double, Int32, Long } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { useConformanceDatabase, usingRealMongo } from './conformance-target';

/**
 * MongoDB keeps int32, int64, double and decimal apart and widens only when it must. Money in
 * Kiwanda is integer cents, so a sum that silently becomes a double (or overflows) is a bug.
 */
const target = useConformanceDatabase({ area: 'numeric_widths' });
const EXACT = { promoteValues: false, promoteLongs: false } as const;

describe('arithmetic updates keep or widen numeric types like mongod', () => {
  it('$inc of int32 stays int32, and widens to int64 on overflow', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, small: new Int32(5), edge: new Int32(2_147_483_647) });
    await c.updateOne({ _id: 1 }, { $inc: { small: new Int32(1), edge: new Int32(1) } });
    const stored = await c.findOne({ _id: 1 }, EXACT);
    expect(stored?.small).toEqual(new Int32(6));
    expect(stored?.edge).toBeInstanceOf(Long);
    expect(stored?.edge.toString()).toBe('2147483648');
  });

  it('$inc mixes: int64 + int32 is int64, int32 + double is double, missing + int64 is int64', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, long: Long.fromNumber(10), int: new Int32(1) });
    await c.updateOne({ _id: 1 }, { $inc: { long: new Int32(1), int: new Double(0.5), fresh: Long.fromNumber(3) } });
    const stored = await c.findOne({ _id: 1 }, EXACT);
    expect(stored?.long).toEqual(Long.fromNumber(11));
    expect(stored?.int).toEqual(new Double(1.5));
    expect(stored?.fresh).toEqual(Long.fromNumber(3));
  });

  // Decimal128 arithmetic is outside the embedded server's scope (Kiwanda keeps money in integer
  // cents): there it must be a clear error and leave the document untouched, never a wrong sum.
  it.skipIf(!usingRealMongo)('$inc of a decimal stays decimal and keeps its scale', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, amount: Decimal128.fromString('1.10') });
    await c.updateOne({ _id: 1 }, { $inc: { amount: new Int32(2) } });
    const stored = await c.findOne({ _id: 1 }, EXACT);
    expect(stored?.amount).toBeInstanceOf(Decimal128);
    expect(stored?.amount.toString()).toBe('3.10');
  });

  it.skipIf(usingRealMongo)('$inc of a decimal is refused clearly by the embedded server', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, amount: Decimal128.fromString('1.10') });
    await expect(c.updateOne({ _id: 1 }, { $inc: { amount: new Int32(2) } })).rejects.toThrow(/Decimal128/);
    const stored = await c.findOne({ _id: 1 }, EXACT);
    expect(stored?.amount.toString()).toBe('1.10');
  });

  it('$mul of int32 widens to int64 on overflow', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, n: new Int32(100_000) });
    await c.updateOne({ _id: 1 }, { $mul: { n: new Int32(100_000) } });
    const stored = await c.findOne({ _id: 1 }, EXACT);
    expect(stored?.n).toBeInstanceOf(Long);
    expect(stored?.n.toString()).toBe('10000000000');
  });

  it('int64 arithmetic beyond 2^53 stays exact', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, n: Long.fromString('9007199254740993') });
    await c.updateOne({ _id: 1 }, { $inc: { n: Long.fromNumber(2) } });
    expect((await c.findOne({ _id: 1 }, EXACT))?.n.toString()).toBe('9007199254740995');
  });
});

describe('aggregation sums keep integer widths', () => {
  it('$sum of int32 is int32 while it fits and int64 beyond; $avg is a double', async () => {
    const c = target.freshCollection();
    await c.insertMany([
      { g: 'small', v: new Int32(2) },
      { g: 'small', v: new Int32(3) },
      { g: 'big', v: new Int32(2_000_000_000) },
      { g: 'big', v: new Int32(2_000_000_000) },
    ]);
    const groups = await c
      .aggregate([{ $group: { _id: '$g', total: { $sum: '$v' }, mean: { $avg: '$v' } } }, { $sort: { _id: 1 } }], EXACT)
      .toArray();
    expect(groups[0]._id).toBe('big');
    expect(groups[0].total).toBeInstanceOf(Long);
    expect(groups[0].total.toString()).toBe('4000000000');
    expect(groups[0].mean).toEqual(new Double(2_000_000_000));
    expect(groups[1].total).toEqual(new Int32(5));
    expect(groups[1].mean).toEqual(new Double(2.5));
  });

  it('$sum of int64 cents is an exact int64', async () => {
    const c = target.freshCollection();
    await c.insertMany([{ cents: Long.fromString('9007199254740993') }, { cents: Long.fromNumber(2) }]);
    const [total] = await c.aggregate([{ $group: { _id: null, cents: { $sum: '$cents' } } }], EXACT).toArray();
    expect(total.cents).toBeInstanceOf(Long);
    expect(total.cents.toString()).toBe('9007199254740995');
  });
});
