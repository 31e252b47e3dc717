import { type Document } from 'bson';

import { isPlainObject } from '../../bson/values';

const ARRAY_INDEX = /^\d+$/;

/**
 * Collects what `parts` reach from `value`. A module-level function rather than a closure: it runs for every
 * document a filter tests, and under tsx (keepNames) each named closure created costs a defineProperty.
 */
function collectReached(value: unknown, parts: string[], depth: number, out: unknown[]): void {
  if (depth === parts.length) {
    out.push(value);
    return;
  }
  const part = parts[depth];
  if (Array.isArray(value)) {
    if (ARRAY_INDEX.test(part) && Number(part) < value.length)
      collectReached(value[Number(part)], parts, depth + 1, out);
    for (const element of value) if (isPlainObject(element)) collectReached(element, parts, depth, out);
    return;
  }
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, part)) {
    collectReached((value as Document)[part], parts, depth + 1, out);
    return;
  }
  out.push(undefined);
}

/**
 * The values a dotted path (split into `parts`) reaches in a document for matching: descending through arrays
 * of subdocuments, addressing elements by numeric path parts, with `undefined` wherever a branch lacks the
 * field. Leaf arrays are returned whole; matchers decide whether to look at their elements.
 */
export function reachedValues(doc: unknown, parts: string[]): unknown[] {
  const out: unknown[] = [];
  collectReached(doc, parts, 0, out);
  return out.length > 0 ? out : [undefined];
}

/**
 * Whether `test` holds for a reached value or an element of a reached array: what equality and comparisons
 * test against.
 */
export function someExpanded(reached: unknown[], test: (value: unknown) => boolean): boolean {
  for (const value of reached) {
    if (test(value)) return true;
    if (Array.isArray(value)) for (const element of value) if (test(element)) return true;
  }
  return false;
}
