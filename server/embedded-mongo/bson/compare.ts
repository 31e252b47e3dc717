import { type Binary, type BSONRegExp, type Document, Long, type ObjectId, type Timestamp } from 'bson';

import { bsonTypeOf, numericValue } from './values';

/**
 * MongoDB's canonical type order for comparisons and sorting:
 * MinKey < null < numbers < strings < objects < arrays < binary < ObjectId < booleans < dates < timestamps
 * < regular expressions < MaxKey.
 */
export const TypeRank = {
  MinKey: 1,
  Null: 2,
  Number: 3,
  String: 4,
  Object: 5,
  Array: 6,
  Binary: 7,
  ObjectId: 8,
  Boolean: 9,
  Date: 10,
  Timestamp: 11,
  RegExp: 12,
  Code: 13,
  MaxKey: 127,
} as const;

export function typeRankOf(value: unknown): number {
  if (value === undefined || value === null) return TypeRank.Null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return TypeRank.Number;
    case 'string':
      return TypeRank.String;
    case 'boolean':
      return TypeRank.Boolean;
    case 'object':
      break;
    default:
      return TypeRank.Code;
  }
  if (Array.isArray(value)) return TypeRank.Array;
  if (value instanceof Date) return TypeRank.Date;
  if (value instanceof RegExp) return TypeRank.RegExp;
  if (value instanceof Uint8Array) return TypeRank.Binary;
  switch (bsonTypeOf(value)) {
    case undefined:
      return TypeRank.Object;
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return TypeRank.Number;
    case 'BSONSymbol':
      return TypeRank.String;
    case 'Binary':
      return TypeRank.Binary;
    case 'ObjectId':
      return TypeRank.ObjectId;
    case 'Timestamp':
      return TypeRank.Timestamp;
    case 'BSONRegExp':
      return TypeRank.RegExp;
    case 'MinKey':
      return TypeRank.MinKey;
    case 'MaxKey':
      return TypeRank.MaxKey;
    case 'DBRef':
      return TypeRank.Object;
    default:
      return TypeRank.Code;
  }
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareNumbers(a: unknown, b: unknown): number {
  if (bsonTypeOf(a) === 'Long' && bsonTypeOf(b) === 'Long') return (a as Long).compare(b as Long);
  const x = numericValue(a) ?? Number(a);
  const y = numericValue(b) ?? Number(b);
  // MongoDB sorts NaN below every other number.
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return sign(a.length - b.length);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareObjects(a: Document, b: Document): number {
  const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
  const length = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < length; i++) {
    const rank = typeRankOf(a[keysA[i]]) - typeRankOf(b[keysB[i]]);
    if (rank !== 0) return sign(rank);
    const name = compareStrings(keysA[i], keysB[i]);
    if (name !== 0) return name;
    const value = compareValues(a[keysA[i]], b[keysB[i]]);
    if (value !== 0) return value;
  }
  return sign(keysA.length - keysB.length);
}

/** Total order over BSON values following MongoDB's comparison rules (numbers compare across int/long/double). */
export function compareValues(a: unknown, b: unknown): number {
  // Fast paths for the common same-typed primitives.
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number' && a === a && b === b) return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return sign(a.getTime() - b.getTime());
  const rankA = typeRankOf(a);
  const rankB = typeRankOf(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  switch (rankA) {
    case TypeRank.Null:
    case TypeRank.MinKey:
    case TypeRank.MaxKey:
      return 0;
    case TypeRank.Number:
      return compareNumbers(a, b);
    case TypeRank.String:
      return compareStrings(String(a), String(b));
    case TypeRank.Object:
      return compareObjects(a as Document, b as Document);
    case TypeRank.Array: {
      const x = a as unknown[];
      const y = b as unknown[];
      const length = Math.min(x.length, y.length);
      for (let i = 0; i < length; i++) {
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
      return sign(x.length - y.length);
    }
    case TypeRank.Binary: {
      const x = binaryParts(a);
      const y = binaryParts(b);
      return sign(x.bytes.length - y.bytes.length) || sign(x.subtype - y.subtype) || compareBytes(x.bytes, y.bytes);
    }
    case TypeRank.ObjectId:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case TypeRank.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case TypeRank.Date:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case TypeRank.Timestamp:
      return Long.fromBits((a as Timestamp).low, (a as Timestamp).high, true).compare(
        Long.fromBits((b as Timestamp).low, (b as Timestamp).high, true),
      );
    case TypeRank.RegExp: {
      const x = regExpParts(a);
      const y = regExpParts(b);
      return compareStrings(x.source, y.source) || compareStrings(x.flags, y.flags);
    }
    default:
      return compareStrings(String(a), String(b));
  }
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

function binaryParts(value: unknown): { bytes: Uint8Array; subtype: number } {
  if (value instanceof Uint8Array) return { bytes: value, subtype: 0 };
  const binary = value as Binary;
  return { bytes: binary.buffer.subarray(0, binary.position), subtype: binary.sub_type };
}

function regExpParts(value: unknown): { source: string; flags: string } {
  if (value instanceof RegExp) return { source: value.source, flags: value.flags };
  const regexp = value as BSONRegExp;
  return { source: regexp.pattern, flags: regexp.options };
}
