import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError, typeMismatch } from '../errors';
import { assertValidCollectionName } from '../storage/catalog';
import { type CommandRequest } from './command-types';

/** The collection a command names as its first field's value, checked. */
export function collectionArgument(request: CommandRequest): string {
  const name = request.command[request.name];
  if (typeof name !== 'string') {
    throw new MongoCommandError(
      ErrorCode.InvalidNamespace,
      `collection name has invalid type ${Array.isArray(name) ? 'array' : typeof name}`,
    );
  }
  assertValidCollectionName(name);
  return name;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    throw typeMismatch(
      `BSON field '${field}' is the wrong type '${Array.isArray(value) ? 'array' : typeof value}', expected type 'object'`,
    );
  return value;
}

export function optionalInteger(
  command: Document,
  field: string,
  { min = Number.NEGATIVE_INFINITY } = {},
): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  const n = numericValue(value);
  if (n === undefined)
    throw typeMismatch(`BSON field '${field}' is the wrong type '${typeof value}', expected a number`);
  if (!Number.isFinite(n) || n < min)
    throw badValue(`BSON field '${field}' value must be >= ${min}, actual value '${n}'`);
  return Math.trunc(n);
}

export function requiredArray(command: Document, field: string): unknown[] {
  const value = command[field];
  if (!Array.isArray(value)) throw typeMismatch(`BSON field '${field}' is missing or is not an array`);
  return value;
}

/**
 * Command-level `let` variables reach aggregation expression stages only; the filters of find, update, delete and
 * findAndModify would read `$$name` as an undefined variable. A `let` with variables is refused there, before
 * anything runs, rather than answered with a misleading error per statement.
 */
export function rejectCommandLet(command: Document): void {
  const variables = command.let;
  if (variables === undefined || variables === null) return;
  if (isPlainObject(variables) && Object.keys(variables).length === 0) return;
  throw new MongoCommandError(
    ErrorCode.NotImplemented,
    `command-level 'let' variables are not supported by the embedded server in ${Object.keys(command)[0]}`,
  );
}

/** Collation other than the simple binary one would change results; fail instead of answering wrongly. */
export function rejectCollation(collation: unknown): void {
  if (collation === undefined || collation === null) return;
  if (isPlainObject(collation) && (collation.locale === 'simple' || Object.keys(collation).length === 0)) return;
  throw new MongoCommandError(
    ErrorCode.NotImplemented,
    'collations other than "simple" are not supported by the embedded server',
  );
}
