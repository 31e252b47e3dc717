import { type Document, type ObjectId } from 'bson';

import { bsonTypeOf, isPlainObject, numericValue } from '../bson/values';
import { ErrorCode, MongoCommandError } from '../errors';

/** Renders a key value the way MongoDB prints it in E11000 messages: `{ name: "x" }`. */
function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(renderValue).join(', ')} ]`;
  const tag = bsonTypeOf(value);
  if (tag === 'ObjectId') return `ObjectId('${(value as ObjectId).toHexString()}')`;
  const n = numericValue(value);
  if (n !== undefined) return String(n);
  if (isPlainObject(value)) {
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${renderValue(v)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  return String(value);
}

export function duplicateKeyError({
  ns,
  indexName,
  keyPattern,
  keyValue,
}: {
  ns: string;
  indexName: string;
  keyPattern: Document;
  keyValue: Document;
}): MongoCommandError {
  const dupKey = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${renderValue(v)}`)
    .join(', ');
  return new MongoCommandError(
    ErrorCode.DuplicateKey,
    `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${dupKey} }`,
    { extra: { keyPattern, keyValue } },
  );
}
