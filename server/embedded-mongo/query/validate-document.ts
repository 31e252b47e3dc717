import { type Document, ObjectId } from 'bson';

import { documentSize, knownDocumentSize, rememberDocumentSize } from '../bson/document-size';
import { bsonTypeOf, isPlainObject } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Checks a document about to be stored and gives it an `_id` (first) if it has none. */
export function prepareForStorage(doc: unknown): Document {
  if (!isPlainObject(doc)) throw badValue('a document to store must be an object');
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$'))
      throw new MongoCommandError(
        ErrorCode.DollarPrefixedFieldName,
        `Document can't have $ prefixed field names: ${key}`,
      );
  }
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

export function assertDocumentSize(doc: Document): void {
  const size = documentSize(doc);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new MongoCommandError(10334, `BSONObj size: ${size} is invalid. Size must be between 0 and 16793600(16MB)`);
  }
}
