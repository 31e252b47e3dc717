import { bsonTypeOf, isPlainObject } from '../../bson/values';

/** $type accepts these names, or their numbers. */
const TYPE_NUMBERS: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};
const NUMERIC_TYPES = new Set(['int', 'long', 'double', 'decimal']);

export function isKnownTypeAlias(alias: unknown): boolean {
  if (typeof alias === 'string') return alias === 'number' || alias in TYPE_NUMBERS;
  return typeof alias === 'number' && Object.values(TYPE_NUMBERS).includes(alias);
}

/** The BSON type name of a stored value, as $type and the `$type` aggregation operator name it. */
export function bsonTypeNameOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && Math.abs(value) <= 2147483647 ? 'int' : 'double';
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      break;
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (value instanceof Uint8Array) return 'binData';
  switch (bsonTypeOf(value)) {
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'ObjectId':
      return 'objectId';
    case 'Binary':
      return 'binData';
    case 'BSONRegExp':
      return 'regex';
    case 'Timestamp':
      return 'timestamp';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    case 'Code':
      return 'javascript';
    case 'BSONSymbol':
      return 'symbol';
    default:
      return isPlainObject(value) || bsonTypeOf(value) === 'DBRef' ? 'object' : undefined;
  }
}

export function hasBsonType(value: unknown, alias: unknown): boolean {
  const name = bsonTypeNameOf(value);
  if (name === undefined) return false;
  if (alias === 'number') return NUMERIC_TYPES.has(name);
  if (typeof alias === 'string') return name === alias;
  return TYPE_NUMBERS[name] === alias;
}
