import { BSONRegExp, Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';

import { compileMatcher } from './compile-matcher';

const matches = (filter: object, doc: object) => compileMatcher(filter as never)(doc);

describe('compileMatcher', () => {
  it('compares numbers across BSON number types and keeps type brackets', () => {
    const doc = { n: new Int32(5), big: Long.fromString('9007199254740993'), price: Decimal128.fromString('12.50') };
    expect(matches({ n: new Double(5) }, doc)).toBe(true);
    expect(matches({ n: { $gt: Long.fromNumber(4) } }, doc)).toBe(true);
    expect(matches({ big: { $gt: Long.fromString('9007199254740992') } }, doc)).toBe(true);
    expect(matches({ price: { $gte: 12.5 } }, doc)).toBe(true);
    expect(matches({ n: { $gt: 'a' } }, doc)).toBe(false);
    expect(matches({ n: { $lt: 'a' } }, doc)).toBe(false);
  });

  it('matches arrays by element or whole, and nested documents through arrays', () => {
    const doc = {
      tags: ['brass', 'beads'],
      lines: [
        { sku: 'A', qty: new Int32(2) },
        { sku: 'B', qty: new Int32(9) },
      ],
    };
    expect(matches({ tags: 'brass' }, doc)).toBe(true);
    expect(matches({ tags: ['brass', 'beads'] }, doc)).toBe(true);
    expect(matches({ tags: ['beads', 'brass'] }, doc)).toBe(false);
    expect(matches({ 'lines.sku': 'B' }, doc)).toBe(true);
    expect(matches({ 'lines.1.qty': 9 }, doc)).toBe(true);
    expect(matches({ lines: { $elemMatch: { sku: 'A', qty: { $gt: 5 } } } }, doc)).toBe(false);
    expect(matches({ 'lines.sku': 'A', 'lines.qty': { $gt: 5 } }, doc)).toBe(true);
    expect(matches({ tags: { $size: 2 } }, doc)).toBe(true);
    expect(matches({ tags: { $all: ['beads', 'brass'] } }, doc)).toBe(true);
  });

  it('treats null as null-or-missing and $exists as presence', () => {
    expect(matches({ a: null }, {})).toBe(true);
    expect(matches({ a: null }, { a: null })).toBe(true);
    expect(matches({ a: { $ne: null } }, {})).toBe(false);
    expect(matches({ 'a.b': null }, { a: [{ b: 1 }, { c: 1 }] })).toBe(true);
    expect(matches({ a: { $exists: false } }, { a: null })).toBe(false);
    expect(matches({ a: { $exists: true } }, { a: null })).toBe(true);
  });

  it('knows BSON types for $type, including int, long, double and objectId', () => {
    const doc = {
      i: new Int32(1),
      l: Long.fromNumber(1),
      d: new Double(1),
      o: new ObjectId(),
      r: new BSONRegExp('x', 'i'),
    };
    expect(matches({ i: { $type: 'int' } }, doc)).toBe(true);
    expect(matches({ i: { $type: 'long' } }, doc)).toBe(false);
    expect(matches({ l: { $type: 'long' } }, doc)).toBe(true);
    expect(matches({ d: { $type: 'double' } }, doc)).toBe(true);
    expect(matches({ d: { $type: 'number' } }, doc)).toBe(true);
    expect(matches({ o: { $type: 7 } }, doc)).toBe(true);
    expect(matches({ r: { $type: 'regex' } }, doc)).toBe(true);
    expect(() => matches({ i: { $type: 'nope' } }, doc)).toThrow(/Unknown type/);
  });

  it('supports regexes, $in with regexes, $not and logical operators', () => {
    const doc = { name: 'Kibera brass', n: new Int32(3) };
    expect(matches({ name: /^kib/i }, doc)).toBe(true);
    expect(matches({ name: { $regex: '^kib', $options: 'i' } }, doc)).toBe(true);
    expect(matches({ name: { $in: [/brass$/, 'x'] } }, doc)).toBe(true);
    expect(matches({ name: { $not: /^kib/i } }, doc)).toBe(false);
    expect(matches({ $or: [{ n: 1 }, { n: 3 }] }, doc)).toBe(true);
    expect(matches({ $nor: [{ n: 3 }] }, doc)).toBe(false);
    expect(matches({ n: { $mod: [2, 1] } }, doc)).toBe(true);
  });

  it('evaluates $expr with aggregation expressions', () => {
    expect(matches({ $expr: { $gt: ['$made', '$ordered'] } }, { made: new Int32(5), ordered: new Int32(3) })).toBe(
      true,
    );
  });

  it('refuses operators it cannot answer correctly', () => {
    expect(() => matches({ $where: 'true' }, {})).toThrow(/not supported/);
    expect(() => matches({ a: { $near: [0, 0] } }, {})).toThrow(/not supported/);
    expect(() => matches({ a: { $bogus: 1 } }, {})).toThrow(/unknown operator/);
  });
});
