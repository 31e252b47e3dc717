import { type Binary, BSON, type Long, type ObjectId } from 'bson';

import { bsonTypeOf, numericValue } from '../bson/values';

/**
 * A string that is equal for two `_id` values exactly when MongoDB treats them as the same `_id`
 * (so 1, 1.0 and NumberLong(1) collide, as they do in a unique index).
 */
export function idKeyOf(id: unknown): string {
  if (typeof id === 'string') return `s${id}`;
  const tag = bsonTypeOf(id);
  if (tag === 'ObjectId') return `o${(id as ObjectId).toHexString()}`;
  // An int64 beyond 2^53 keeps its exact digits; every other number is keyed by its value.
  if (tag === 'Long' && !Number.isSafeInteger((id as Long).toNumber())) return `n${(id as Long).toString()}`;
  const n = numericValue(id);
  if (n !== undefined) return `n${Object.is(n, -0) ? 0 : n}`;
  if (id === null || id === undefined) return 'z';
  if (typeof id === 'boolean') return `b${id}`;
  if (id instanceof Date) return `d${id.getTime()}`;
  if (tag === 'Binary') return `x${(id as Binary).sub_type}:${Buffer.from((id as Binary).buffer).toString('hex')}`;
  return `v${Buffer.from(BSON.serialize({ v: id })).toString('hex')}`;
}
