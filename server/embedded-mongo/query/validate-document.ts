import { type Document, ObjectId } from 'bson';

import { documentSize, knownDocumentSize, rememberDocumentSize } from '../bson/document-size';
import { bsonTypeOf, isPlainObject } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Checks a document about to be stored and gives it an `_id` (first) if it has none. */
export function prepareForStorage(doc: unknown): Document {
  if (!isPlainObject(doc)) throw badValue('a document to store must be an object');
  // NOTE: `$`-prefixed field names, top-level included, are stored as MongoDB 5.0+ stores them; only `_id`
  // may not hold them.
  const id = doc._id;
  if (Array.isArray(id))
    throw new MongoCommandError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type array");
  if (id instanceof RegExp || bsonTypeOf(id) === 'BSONRegExp')
    throw new MongoCommandError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type regex");
  if (isPlainObject(id) && Object.keys(id).some((key) => key.startsWith('$'))) {
    throw new MongoCommandError(ErrorCode.DollarPrefixedFieldName, "_id fields may not contain '$'-prefixed fields");
  }
  if (id !== undefined && Object.keys(doc)[0] === '_id') return doc;
  const stored = id === undefined ? { _id: new ObjectId(), ...doc } : { _id: id, ...doc };
  // Moving or adding _id changes the size by a known amount: no need to measure the document again.
  const received = knownDocumentSize(doc);
  if (received !== undefined) rememberDocumentSize(stored, received + (id === undefined ? GENERATED_ID_BYTES : 0));
  return stored;
}

/** Type byte, "_id\0" and a 12-byte ObjectId. */
const GENERATED_ID_BYTES = 17;

/** MongoDB's limit for stored documents (`BSONDepth::getMaxDepthForUserStorage`): deeper ones are refused. */
export const MAX_STORED_NESTING_DEPTH = 100;

/**
 * Measures nesting without recursion, so a document nested a million levels deep is refused rather than
 * overflowing the stack here or in any later update, sort or index build that walks it.
 */
export function assertNestingDepth(doc: Document): void {
  const pending: { value: object; depth: number }[] = [{ value: doc, depth: 0 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child === null || typeof child !== 'object' || !(Array.isArray(child) || isPlainObject(child))) continue;
      if (depth + 1 > MAX_STORED_NESTING_DEPTH) {
        throw new MongoCommandError(
          ErrorCode.Overflow,
          `Document exceeds maximum nesting depth of ${MAX_STORED_NESTING_DEPTH}`,
        );
      }
      pending.push({ value: child as object, depth: depth + 1 });
    }
  }
}

/** The limits every document about to be stored must meet: 16 MB and 100 levels of nesting. */
export function assertStorableDocument(doc: Document): void {
  assertDocumentSize(doc);
  assertNestingDepth(doc);
}

export function assertDocumentSize(doc: Document): void {
  const size = documentSize(doc);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new MongoCommandError(10334, `BSONObj size: ${size} is invalid. Size must be between 0 and 16793600(16MB)`);
  }
}
