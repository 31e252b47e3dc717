import { compareValues } from '../bson/compare';
import { valuesAtPath } from '../bson/paths';
import { isPlainObject } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type StoredDoc } from '../storage/stored-doc';
import { type SortField } from './planner';
import { TopK } from './top-k';

export function validateSort(sort: unknown): void {
  if (sort === undefined || sort === null) return;
  if (!isPlainObject(sort)) throw badValue('sort must be an object');
  for (const [path, direction] of Object.entries(sort)) {
    if (isPlainObject(direction)) {
      throw new MongoCommandError(
        ErrorCode.NotImplemented,
        `sort by ${JSON.stringify(direction)} on "${path}" is not supported by the embedded server`,
      );
    }
  }
}

/** The value a document sorts by: the smallest array element ascending, the largest descending (as MongoDB does). */
export function sortKeyOf(doc: StoredDoc['doc'], field: SortField): unknown {
  const path = field.path;
  if (!path.includes('.')) {
    // The common case, a top-level scalar field, without building the list of reached values.
    const value = Object.prototype.hasOwnProperty.call(doc, path) ? doc[path] : undefined;
    if (!Array.isArray(value)) return value;
  }
  const values = valuesAtPath(doc, path);
  if (values.length === 1) return values[0];
  let chosen = values[0];
  for (const value of values) {
    const c = compareValues(value, chosen);
    if (field.direction === 1 ? c < 0 : c > 0) chosen = value;
  }
  return chosen;
}

/** An item with its sort keys, extracted once, and its original position, which breaks ties (a stable sort). */
interface Keyed<T> {
  item: T;
  position: number;
  keys: unknown[];
}

function compareKeyed(fields: SortField[], a: Keyed<unknown>, b: Keyed<unknown>): number {
  for (let i = 0; i < fields.length; i++) {
    const c = compareValues(a.keys[i], b.keys[i]);
    if (c !== 0) return c * fields[i].direction;
  }
  return a.position - b.position;
}

/**
 * Items in sort order (a new array; ties keep their original order). With `limit` > 0 only the first `limit`
 * come back, selected with a bounded heap instead of sorting everything.
 */
export function sortByFields<T>(
  items: readonly T[],
  fields: SortField[],
  docOf: (item: T) => StoredDoc['doc'],
  limit = 0,
): T[] {
  const compare = (a: Keyed<unknown>, b: Keyed<unknown>): number => compareKeyed(fields, a, b);
  if (limit > 0 && limit < items.length) {
    const top = new TopK<Keyed<T>>(limit, compare);
    // One probe object is refilled per item; only items that enter the heap are copied.
    const probe: Keyed<T> = { item: items[0], position: 0, keys: new Array<unknown>(fields.length) };
    for (let position = 0; position < items.length; position++) {
      const doc = docOf(items[position]);
      for (let i = 0; i < fields.length; i++) probe.keys[i] = sortKeyOf(doc, fields[i]);
      probe.item = items[position];
      probe.position = position;
      if (top.admits(probe)) top.offer({ item: probe.item, position, keys: probe.keys.slice() });
    }
    return top.sorted().map((keyed) => keyed.item);
  }
  const keyed = items.map((item, position) => {
    const doc = docOf(item);
    return { item, position, keys: fields.map((field) => sortKeyOf(doc, field)) };
  });
  keyed.sort(compare);
  return keyed.map((entry) => entry.item);
}

/** Stored documents in sort order (see sortByFields); `$natural` keeps or reverses the given order. */
export function sortDocuments(docs: StoredDoc[], fields: SortField[], limit = 0): StoredDoc[] {
  const natural = fields.find((field) => field.path === '$natural');
  if (natural) return natural.direction === -1 ? docs.reverse() : docs;
  if (fields.length === 0) return docs;
  return sortByFields(docs, fields, (stored) => stored.doc, limit);
}
