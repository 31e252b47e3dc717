import { BSON, type Document, ObjectId } from 'bson';

import { bsonTypeOf, isPlainObject } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { encodedSizeOf } from '../wire/read-bson';

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Checks a document about to be stored and gives it an `_id` (first) if it has none. */
export function prepareForStorage(doc: unknown): Document {
  if (!isPlainObject(doc)) throw badValue('a document to store must be an object');
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) throw new MongoCommandError(ErrorCode.DollarPrefixedFieldName, `Document can't have $ prefixed field names: ${key}`);
  }
  const id = doc._id;
  if (Array.isArray(id)) throw new MongoCommandError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type array");
  if (id instanceof RegExp || bsonTypeOf(id) === 'BSONRegExp') throw new MongoCommandError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type regex");
  if (isPlainObject(id) && Object.keys(id).some((key) => key.startsWith('$'))) {
    throw new MongoCommandError(ErrorCode.DollarPrefixedFieldName, "_id fields may not contain '$'-prefixed fields");
  }
  const stored = id === undefined ? { _id: new ObjectId(), ...doc } : Object.keys(doc)[0] === '_id' ? doc : { _id: id, ...doc };
  return stored;
}

export function assertDocumentSize(doc: Document, original?: object): void {
  // A document as received, plus at most a generated _id, is measured by its encoded size from the wire.
  const received = original ? encodedSizeOf(original) : undefined;
  if (received !== undefined && received + 32 <= MAX_DOCUMENT_BYTES) return;
  const size = BSON.calculateObjectSize(doc);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new MongoCommandError(10334, `BSONObj size: ${size} is invalid. Size must be between 0 and 16793600(16MB)`);
  }
}
