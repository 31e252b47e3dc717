import { type Document } from 'bson';

import { isPlainObject } from '../../bson/values';
import { ErrorCode, MongoCommandError } from '../../errors';

const ARRAY_INDEX = /^\d+$/;

/** Chooses array elements for positional path parts: `$` (first match of the query), `$[]` and `$[ident]`. */
export interface PositionalResolver {
  /** Index of the array element the query matched, for the array at `arrayPath`. */
  firstMatch(arrayPath: string[], array: unknown[]): number | undefined;
  /** Whether `element` satisfies the array filter named `identifier`. */
  matchesArrayFilter(identifier: string, element: unknown): boolean;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * Expands a path that may hold positional parts into the concrete paths it addresses in `doc`.
 * Paths through missing fields stay as they are (an update may create them).
 */
export function expandPath(doc: Document, path: string, resolver: PositionalResolver): string[][] {
  const parts = path.split('.');
  if (!parts.some((part) => part.startsWith('$'))) return [parts];
  const results: string[][] = [];
  const walk = (value: unknown, depth: number, prefix: string[]): void => {
    if (depth === parts.length) {
      results.push(prefix);
      return;
    }
    const part = parts[depth];
    if (part === '$' || part === '$[]' || (part.startsWith('$[') && part.endsWith(']'))) {
      if (!Array.isArray(value)) {
        throw new MongoCommandError(
          ErrorCode.BadValue,
          part === '$'
            ? 'The positional operator did not find the match needed from the query.'
            : `The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`,
        );
      }
      if (part === '$') {
        const index = resolver.firstMatch(prefix, value);
        if (index === undefined)
          throw new MongoCommandError(
            ErrorCode.BadValue,
            'The positional operator did not find the match needed from the query.',
          );
        walk(value[index], depth + 1, [...prefix, String(index)]);
        return;
      }
      const identifier = part.slice(2, -1);
      value.forEach((element, index) => {
        if (identifier === '' || resolver.matchesArrayFilter(identifier, element))
          walk(element, depth + 1, [...prefix, String(index)]);
      });
      return;
    }
    const next = isPlainObject(value)
      ? value[part]
      : Array.isArray(value) && ARRAY_INDEX.test(part)
        ? value[Number(part)]
        : undefined;
    walk(next, depth + 1, [...prefix, part]);
  };
  walk(doc, 0, []);
  return results;
}

export function getAt(doc: Document, parts: string[]): unknown {
  let current: unknown = doc;
  for (const part of parts) {
    if (isPlainObject(current)) current = current[part];
    else if (Array.isArray(current) && ARRAY_INDEX.test(part)) current = current[Number(part)];
    else return undefined;
  }
  return current;
}

/** Sets a value, creating missing subdocuments; fails like MongoDB when a scalar is in the way. */
export function setAt(doc: Document, parts: string[], value: unknown): void {
  let current: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(part)) {
        throw new MongoCommandError(
          ErrorCode.PathNotViable,
          `Cannot create field '${part}' in element {${parts.slice(0, i).join('.')}: [...]}`,
        );
      }
      const index = Number(part);
      while (current.length < index) current.push(null);
      if (last) current[index] = value;
      else {
        if (current[index] === undefined || current[index] === null) current[index] = {};
        current = current[index];
      }
      continue;
    }
    if (!isPlainObject(current)) {
      throw new MongoCommandError(
        ErrorCode.PathNotViable,
        `Cannot create field '${part}' in element {${parts[i - 1]}: ${describe(current)}}`,
      );
    }
    if (last) current[part] = value;
    else {
      if (current[part] === undefined) current[part] = {};
      current = current[part];
    }
  }
}

/** Removes a field; an array element is set to null instead, as MongoDB's $unset does. */
export function unsetAt(doc: Document, parts: string[]): boolean {
  const parent = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent) && ARRAY_INDEX.test(last)) {
    const index = Number(last);
    if (index >= parent.length) return false;
    parent[index] = null;
    return true;
  }
  if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    delete parent[last];
    return true;
  }
  return false;
}

/** True when one path equals the other or lies inside it: updating both in one request is a conflict. */
export function pathsOverlap(a: string[], b: string[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}
