import { Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compareValues } from './compare';

describe('compareValues', () => {
  it('orders values of different types in MongoDB type order', () => {
    const ordered = [
      new MinKey(),
      null,
      new Int32(-5),
      'a string',
      { a: 1 },
      [1, 2],
      new Binary(Buffer.from([1])),
      new ObjectId('000000000000000000000001'),
      false,
      true,
      new Date(0),
      new Timestamp({ t: 1, i: 1 }),
      /x/,
      new MaxKey(),
    ];
    const shuffled = [...ordered].reverse().sort(compareValues);
    expect(shuffled).toEqual(ordered);
  });

  it('compares numbers by value across int32, int64, double and decimal', () => {
    expect(compareValues(new Int32(3), new Double(3))).toBe(0);
    expect(compareValues(Long.fromNumber(3), 3)).toBe(0);
    expect(compareValues(new Int32(2), new Double(2.5))).toBe(-1);
    expect(compareValues(Decimal128.fromString('10.5'), new Int32(10))).toBe(1);
    expect(compareValues(Long.fromString('9223372036854775807'), Long.fromString('9223372036854775806'))).toBe(1);
    expect(compareValues(Number.NaN, new Int32(-1000))).toBe(-1);
  });

  it('treats missing and null as equal', () => {
    expect(compareValues(undefined, null)).toBe(0);
  });

  it('compares documents field by field, so field order matters', () => {
    expect(compareValues({ a: 1, b: 2 }, { a: 1, b: 2 })).toBe(0);
    expect(compareValues({ a: 1, b: 2 }, { b: 2, a: 1 })).not.toBe(0);
    expect(compareValues({ a: 1 }, { a: 1, b: 0 })).toBe(-1);
  });

  it('is a total order (antisymmetric and transitive) over mixed values', () => {
    const value = fc.oneof(
      fc.integer().map((n) => new Int32(n | 0)),
      fc.double({ noNaN: true }).map((n) => new Double(n)),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => Long.fromBigInt(n)),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 2 }), fc.integer(), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        expect(Math.sign(compareValues(a, b))).toBe(-Math.sign(compareValues(b, a)) || 0);
        if (compareValues(a, b) <= 0 && compareValues(b, c) <= 0) expect(compareValues(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
