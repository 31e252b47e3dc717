import { isPlainObject } from '../../bson/values';

/**
 * The value of an aggregation field path ("$a.b" without the "$") in a document: through arrays it yields
 * the array of the subfield values, as MongoDB's expression language does. Missing gives undefined.
 */
export function resolveFieldPath(value: unknown, path: string): unknown {
  // A top-level field of a document, the usual `$field`, needs no splitting.
  if (!path.includes('.') && isPlainObject(value)) return value[path];
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) {
      current = current.flatMap((element) => {
        if (!isPlainObject(element)) return [];
        const inner = element[part];
        return inner === undefined ? [] : [inner];
      });
    } else if (isPlainObject(current)) {
      current = current[part];
    } else {
      return undefined;
    }
  }
  return current;
}
