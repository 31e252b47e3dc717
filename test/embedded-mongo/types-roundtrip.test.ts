import { randomBytes } from 'node:crypto';

import {
  Binary,
  BSONRegExp,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
  type Document,
} from 'mongodb';
import { describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';

const target = useConformanceDatabase({ area: 'types' });

/** Read options that keep every BSON type visible instead of turning numbers into JS numbers. */
const EXACT = { promoteValues: false, promoteLongs: false, bsonRegExp: true } as const;

const uuidBytes = Buffer.from('6f1c2a3b4d5e4f60a1b2c3d4e5f60718', 'hex');

function everyType(): Document {
  return {
    _id: new ObjectId(),
    int32: new Int32(42),
    int32Negative: new Int32(-7),
    int64Max: Long.fromString('9223372036854775807'),
    int64Small: Long.fromNumber(5),
    wholeDouble: new Double(1),
    fraction: new Double(3.25),
    negativeZero: new Double(-0),
    notANumber: new Double(Number.NaN),
    infinity: new Double(Number.POSITIVE_INFINITY),
    decimal: Decimal128.fromString('1234567890.123456789'),
    beforeEpoch: new Date('1969-07-20T20:17:40.123Z'),
    flag: false,
    text: 'Habari, ñ 漢字 🙂 a\u0000b',
    nothing: null,
    nested: { deep: { deeper: [1, [2, [3, { four: 4 }]]] } },
    emptyDoc: {},
    emptyArray: [],
    bytes: new Binary(Buffer.from([0, 1, 2, 253, 254, 255])),
    uuid: new Binary(uuidBytes, Binary.SUBTYPE_UUID),
    pattern: new BSONRegExp('^kib', 'i'),
    stamp: new Timestamp({ t: 1_700_000_000, i: 7 }),
    low: new MinKey(),
    high: new MaxKey(),
  };
}

function expectSameTypes(stored: Document | null, original: Document): void {
  expect(stored).not.toBeNull();
  const doc = stored as Document;
  expect(doc.int32).toBeInstanceOf(Int32);
  expect(doc.int32.value).toBe(42);
  expect(doc.int32Negative.value).toBe(-7);
  expect(doc.int64Max).toBeInstanceOf(Long);
  expect(doc.int64Max.toString()).toBe('9223372036854775807');
  expect(doc.int64Small).toBeInstanceOf(Long);
  expect(doc.wholeDouble).toBeInstanceOf(Double);
  expect(doc.wholeDouble.value).toBe(1);
  expect(doc.fraction.value).toBe(3.25);
  expect(Object.is(doc.negativeZero.value, -0)).toBe(true);
  expect(doc.notANumber.value).toBeNaN();
  expect(doc.infinity.value).toBe(Number.POSITIVE_INFINITY);
  expect(doc.decimal).toBeInstanceOf(Decimal128);
  expect(doc.decimal.toString()).toBe('1234567890.123456789');
  expect(doc.beforeEpoch).toEqual(original.beforeEpoch);
  expect(doc.text).toBe(original.text);
  expect(doc.nothing).toBeNull();
  expect(doc.flag).toBe(false);
  expect(doc.emptyDoc).toEqual({});
  expect(doc.emptyArray).toEqual([]);
  expect(doc.bytes.sub_type).toBe(0);
  expect(Buffer.from(doc.bytes.buffer)).toEqual(Buffer.from([0, 1, 2, 253, 254, 255]));
  expect(doc.uuid.sub_type).toBe(Binary.SUBTYPE_UUID);
  expect(Buffer.from(doc.uuid.buffer)).toEqual(uuidBytes);
  expect(doc.pattern).toEqual(new BSONRegExp('^kib', 'i'));
  expect(doc.stamp).toBeInstanceOf(Timestamp);
  expect([doc.stamp.t, doc.stamp.i]).toEqual([1_700_000_000, 7]);
  expect(doc.low).toBeInstanceOf(MinKey);
  expect(doc.high).toBeInstanceOf(MaxKey);
}

describe('BSON types survive the round trip', () => {
  it('keeps every type and value as inserted', async () => {
    const c = target.freshCollection();
    const original = everyType();
    await c.insertOne(original);
    expectSameTypes(await c.findOne({ _id: original._id }, EXACT), original);
    const nested = await c.findOne({ _id: original._id }, { projection: { nested: 1 } });
    expect(nested?.nested).toEqual({ deep: { deeper: [1, [2, [3, { four: 4 }]]] } });
  });

  it('stores each value with its BSON type, as seen by $type queries', async () => {
    const c = target.freshCollection();
    const original = everyType();
    await c.insertOne(original);
    const byType = {
      int32: 'int',
      int64Max: 'long',
      wholeDouble: 'double',
      decimal: 'decimal',
      beforeEpoch: 'date',
      flag: 'bool',
      text: 'string',
      nothing: 'null',
      emptyDoc: 'object',
      emptyArray: 'array',
      bytes: 'binData',
      _id: 'objectId',
      pattern: 'regex',
      stamp: 'timestamp',
      low: 'minKey',
      high: 'maxKey',
    };
    const mismatches: string[] = [];
    for (const [field, type] of Object.entries(byType)) {
      const found = await c.countDocuments({ _id: original._id, [field]: { $type: type } });
      if (found !== 1) mismatches.push(`${field} is not found as $type '${type}'`);
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps types through an update of another field, and $inc keeps integer widths', async () => {
    const c = target.freshCollection();
    const original = everyType();
    await c.insertOne(original);
    await c.updateOne(
      { _id: original._id },
      { $set: { touched: true }, $inc: { int32: new Int32(1), int64Small: new Int32(1) } },
    );
    const stored = await c.findOne({ _id: original._id }, EXACT);
    expect(stored?.int32).toBeInstanceOf(Int32);
    expect(stored?.int32.value).toBe(43);
    expect(stored?.int64Small).toBeInstanceOf(Long);
    expect(stored?.int64Small.toString()).toBe('6');
    expectSameTypes({ ...stored, int32: new Int32(42), int64Small: Long.fromNumber(5) }, original);
  });

  it('returns int64 as Long with promoteLongs false and as a number by default', async () => {
    const c = target.freshCollection();
    await c.insertOne({ _id: 1, n: Long.fromNumber(123) });
    expect((await c.findOne({ _id: 1 }, { promoteLongs: false }))?.n).toEqual(Long.fromNumber(123));
    expect((await c.findOne({ _id: 1 }))?.n).toBe(123);
  });

  it('compares numbers across int32, int64, double and decimal', async () => {
    const c = target.freshCollection();
    await c.insertMany([
      { _id: 'int', v: new Int32(1) },
      { _id: 'long', v: Long.fromNumber(1) },
      { _id: 'double', v: new Double(1) },
      { _id: 'decimal', v: Decimal128.fromString('1.0') },
      { _id: 'string', v: '1' },
      { _id: 'bigger', v: new Double(1.5) },
    ]);
    expect((await c.find({ v: 1 }).toArray()).map((d) => d._id).sort()).toEqual(['decimal', 'double', 'int', 'long']);
    expect((await c.find({ v: { $gt: Long.fromNumber(1) } }).toArray()).map((d) => d._id)).toEqual(['bigger']);
  });

  it('round-trips a 5 MB binary unchanged', async () => {
    const c = target.freshCollection();
    const payload = randomBytes(5 * 1024 * 1024);
    await c.insertOne({ _id: 'big', payload: new Binary(payload) });
    const stored = await c.findOne({ _id: 'big' });
    expect(Buffer.from(stored?.payload.buffer).equals(payload)).toBe(true);
  });
});
