import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';

export interface IndexSpec {
  v: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

export interface KeyField {
  path: string;
  direction: 1 | -1;
}

/** Options MongoDB accepts on an index that do not change how this server stores or uses it. */
const ACCEPTED_OPTIONS = new Set([
  'v',
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'background',
  'hidden',
  'collation',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  'ns',
  '2dsphereIndexVersion',
  'bits',
  'min',
  'max',
  'storageEngine',
  'wildcardProjection',
  'dropDups',
]);

export function keyFieldsOf(key: Document): KeyField[] {
  return Object.keys(key).map((path) => ({ path, direction: numericValue(key[path]) === -1 ? -1 : 1 }));
}

export function defaultIndexName(key: Document): string {
  return Object.keys(key)
    .map((path) => `${path}_${String(numericValue(key[path]) ?? key[path])}`)
    .join('_');
}

/** Checks a createIndexes entry and returns it in the shape listIndexes reports. */
export function validateIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw badValue('each index specification must be an object');
  const key = raw.key;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new MongoCommandError(ErrorCode.CannotCreateIndex, 'index specification must have a non-empty "key" object');
  }
  for (const [path, direction] of Object.entries(key)) {
    if (path === '' || (path.startsWith('$') && path !== '$**') || path.split('.').some((part) => part === '')) {
      throw new MongoCommandError(ErrorCode.CannotCreateIndex, `bad index key field name "${path}"`);
    }
    if (typeof direction === 'string') {
      throw new MongoCommandError(
        ErrorCode.CannotCreateIndex,
        `index type "${direction}" on field "${path}" is not supported by the embedded server; only ascending/descending indexes are`,
      );
    }
    const n = numericValue(direction);
    if (n !== 1 && n !== -1) {
      throw new MongoCommandError(ErrorCode.CannotCreateIndex, `index key "${path}" must have direction 1 or -1`);
    }
  }
  if (Object.keys(key).some((path) => path === '$**' || path.endsWith('.$**'))) {
    throw new MongoCommandError(
      ErrorCode.CannotCreateIndex,
      'wildcard indexes are not supported by the embedded server',
    );
  }
  const collation = raw.collation;
  if (
    collation !== undefined &&
    !(isPlainObject(collation) && (collation.locale === 'simple' || Object.keys(collation).length === 0))
  ) {
    throw new MongoCommandError(
      ErrorCode.CannotCreateIndex,
      'indexes with a collation other than "simple" are not supported by the embedded server',
    );
  }
  for (const option of Object.keys(raw)) {
    if (!ACCEPTED_OPTIONS.has(option)) {
      throw new MongoCommandError(ErrorCode.InvalidIndexSpecificationOption, `index option "${option}" is not valid`);
    }
  }
  const name = raw.name === undefined ? defaultIndexName(key) : raw.name;
  if (typeof name !== 'string' || name === '')
    throw new MongoCommandError(ErrorCode.CannotCreateIndex, 'index name must be a non-empty string');
  if (raw.partialFilterExpression !== undefined && !isPlainObject(raw.partialFilterExpression)) {
    throw new MongoCommandError(ErrorCode.CannotCreateIndex, 'partialFilterExpression must be an object');
  }
  const { v: _v, key: _key, name: _name, ...options } = raw;
  const spec: IndexSpec = { v: 2, key, name, ...options } as IndexSpec;
  delete spec.ns;
  delete spec.background;
  for (const flag of ['unique', 'sparse', 'hidden'] as const) {
    if (spec[flag] !== undefined) spec[flag] = Boolean(numericValue(spec[flag]) ?? spec[flag]) as never;
    if (spec[flag] === false) delete spec[flag];
  }
  if (spec.expireAfterSeconds !== undefined) spec.expireAfterSeconds = numericValue(spec.expireAfterSeconds) ?? 0;
  return spec;
}

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/** Two specs describe the same index when key and behaviour-affecting options agree. */
export function sameIndexOptions(a: IndexSpec, b: IndexSpec): boolean {
  const comparable = (spec: IndexSpec) =>
    JSON.stringify([
      spec.unique ?? false,
      spec.sparse ?? false,
      spec.partialFilterExpression ?? null,
      spec.expireAfterSeconds ?? null,
    ]);
  return comparable(a) === comparable(b);
}

export function sameKeyPattern(a: Document, b: Document): boolean {
  const fa = keyFieldsOf(a);
  const fb = keyFieldsOf(b);
  return fa.length === fb.length && fa.every((f, i) => f.path === fb[i].path && f.direction === fb[i].direction);
}
