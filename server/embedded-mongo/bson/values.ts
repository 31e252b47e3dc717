import { type BSONRegExp, type Decimal128, Double, Int32, Long, type Document } from 'bson';

/** The `_bsontype` tag bson puts on its value classes, or undefined for plain JS values. */
export function bsonTypeOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const tag = bsonTypeOf(value);
  return tag === 'Int32' || tag === 'Double' || tag === 'Long' || tag === 'Decimal128';
}

/** The numeric value of any BSON number (lossy for int64 beyond 2^53 and for Decimal128), or undefined. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  switch (bsonTypeOf(value)) {
    case 'Int32':
    case 'Double':
      return (value as Int32 | Double).value;
    case 'Long':
      return (value as Long).toNumber();
    case 'Decimal128':
      return Number.parseFloat((value as Decimal128).toString());
    default:
      return undefined;
  }
}

/** Reads an integer-valued command option, naming the option when it is not a number. */
export function readInteger(value: unknown, name: string): number {
  const n = numericValue(value);
  if (n === undefined || !Number.isFinite(n)) {
    throw Object.assign(new TypeError(`${name} must be a number`), { optionName: name });
  }
  return Math.trunc(n);
}

export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  const n = numericValue(value);
  if (n !== undefined) return n !== 0;
  return true;
}

/**
 * A copy of a stored value in the shape mingo understands: BSON number wrappers become JS numbers and BSON
 * regular expressions become RegExp. Matching and aggregation run on this view; stored documents keep their types.
 */
export function toQueryView(value: unknown, decimals: 'approximate' | 'refuse' = 'approximate'): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toQueryView(item, decimals));
  const tag = bsonTypeOf(value);
  if (tag !== undefined) {
    switch (tag) {
      case 'Decimal128':
        // Computing with a binary double would silently round; refuse instead of answering wrongly.
        if (decimals === 'refuse') throw new DecimalArithmeticError();
        return numericValue(value);
      case 'Int32':
      case 'Double':
      case 'Long':
        return numericValue(value);
      case 'BSONRegExp':
        return toJsRegExp(value as BSONRegExp);
      default:
        return value;
    }
  }
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const key of Object.keys(value)) out[key] = toQueryView(value[key], decimals);
  return out;
}

export class DecimalArithmeticError extends Error {
  constructor() {
    super('Decimal128 arithmetic is not supported by the embedded server');
    this.name = 'DecimalArithmeticError';
  }
}

export function toJsRegExp(value: BSONRegExp): RegExp {
  // MongoDB's x (extended) and l (locale) flags have no JS equivalent; dropping them keeps the common cases working.
  const flags = [...value.options].filter((flag) => 'imsu'.includes(flag)).join('');
  return new RegExp(value.pattern, flags);
}

/** Deep copy of a stored value; BSON value objects are immutable and shared. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const key of Object.keys(value)) out[key] = cloneValue((value as Document)[key]);
  return out as T;
}

export function makeInt32OrLong(value: number): Int32 | Long | Double {
  if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) return new Int32(value);
  if (Number.isSafeInteger(value)) return Long.fromNumber(value);
  return new Double(value);
}
