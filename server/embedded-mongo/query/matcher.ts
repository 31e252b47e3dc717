import { type Document } from 'bson';

import { isPlainObject } from '../bson/values';
import { badValue } from '../errors';
import { type StoredDoc } from '../storage/stored-doc';
import { compileMatcher, type Matcher } from './match/compile-matcher';

export type DocumentPredicate = (stored: StoredDoc) => boolean;

/** Compiles a MongoDB filter into a predicate over stored documents. */
export function compileFilter(filter: unknown): DocumentPredicate {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw badValue('filter must be an object');
  if (Object.keys(filter).length === 0) return () => true;
  const matches = compileMatcher(filter);
  return (stored) => matches(stored.doc);
}

/** Compiles a filter for values that are not stored documents (array elements, change events, catalog entries). */
export function compileValueFilter(filter: unknown): Matcher {
  if (!isPlainObject(filter)) throw badValue('filter must be an object');
  return compileMatcher(filter as Document);
}
