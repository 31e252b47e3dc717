import { type Document } from 'bson';

import { isPlainObject } from '../../bson/values';

const ARRAY_INDEX = /^\d+$/;

/**
 * The values a dotted path reaches in a document for matching: descending through arrays of subdocuments,
 * addressing elements by numeric path parts, with `undefined` wherever a branch lacks the field.
 * Leaf arrays are returned whole; matchers decide whether to look at their elements.
 */
export function reachedValues(doc: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const out: unknown[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth === parts.length) {
      out.push(value);
      return;
    }
    const part = parts[depth];
    if (Array.isArray(value)) {
      if (ARRAY_INDEX.test(part) && Number(part) < value.length) walk(value[Number(part)], depth + 1);
      for (const element of value) if (isPlainObject(element)) walk(element, depth);
      return;
    }
    if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, part)) {
      walk((value as Document)[part], depth + 1);
      return;
    }
    out.push(undefined);
  };
  walk(doc, 0);
  return out.length > 0 ? out : [undefined];
}

/** Reached values plus the elements of reached arrays: what equality and comparisons test against. */
export function expandedValues(reached: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const value of reached) {
    out.push(value);
    if (Array.isArray(value)) out.push(...value);
  }
  return out;
}
