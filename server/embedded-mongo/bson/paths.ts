import { type Document } from 'bson';

import { isPlainObject } from './values';

const ARRAY_INDEX = /^\d+$/;

function collect(value: unknown, parts: string[], depth: number, out: unknown[]): void {
  if (depth === parts.length) {
    out.push(value);
    return;
  }
  const part = parts[depth];
  if (Array.isArray(value)) {
    // A numeric component may address an element, and every subdocument element is searched too.
    if (ARRAY_INDEX.test(part)) {
      const index = Number(part);
      if (index < value.length) collect(value[index], parts, depth + 1, out);
    }
    for (const element of value) {
      if (isPlainObject(element)) collect(element, parts, depth, out);
    }
    return;
  }
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, part)) {
    collect(value[part], parts, depth + 1, out);
    return;
  }
  out.push(undefined);
}

/**
 * Every value a dotted path reaches, descending through arrays of subdocuments the way MongoDB queries and
 * indexes do; a leaf array contributes its elements (an empty array contributes null). Missing gives [undefined].
 */
export function valuesAtPath(doc: Document, path: string): unknown[] {
  const reached: unknown[] = [];
  collect(doc, path.split('.'), 0, reached);
  const out: unknown[] = [];
  for (const value of reached) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      else out.push(...value);
    } else {
      out.push(value);
    }
  }
  return out.length > 0 ? out : [undefined];
}

/** True when the path passes through or ends at an array, which makes an index on it multikey. */
export function pathTouchesArray(doc: Document, path: string): boolean {
  if (!path.includes('.')) return Array.isArray(doc[path]);
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return true;
    if (!isPlainObject(current)) return false;
    current = current[part];
  }
  return Array.isArray(current);
}

/** The value at a plain dotted path without array traversal (used for `_id` and for projections of subfields). */
export function valueAtPath(doc: Document, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (isPlainObject(current)) current = current[part];
    else if (Array.isArray(current) && ARRAY_INDEX.test(part)) current = current[Number(part)];
    else return undefined;
  }
  return current;
}
