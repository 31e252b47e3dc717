import { compareValues } from '../bson/compare';
import { valuesAtPath } from '../bson/paths';
import { isPlainObject } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type StoredDoc } from '../storage/stored-doc';
import { type SortField } from './planner';

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
  const values = valuesAtPath(doc, field.path);
  if (values.length === 1) return values[0];
  let chosen = values[0];
  for (const value of values) {
    const c = compareValues(value, chosen);
    if (field.direction === 1 ? c < 0 : c > 0) chosen = value;
  }
  return chosen;
}

/** Sorts in place, extracting each document's sort keys once. Ties keep their original order. */
export function sortDocuments(docs: StoredDoc[], fields: SortField[]): StoredDoc[] {
  const natural = fields.find((field) => field.path === '$natural');
  if (natural) return natural.direction === -1 ? docs.reverse() : docs;
  if (fields.length === 0) return docs;
  const keyed = docs.map((stored, position) => ({
    stored,
    position,
    keys: fields.map((field) => sortKeyOf(stored.doc, field)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c !== 0) return c * fields[i].direction;
    }
    return a.position - b.position;
  });
  for (let i = 0; i < keyed.length; i++) docs[i] = keyed[i].stored;
  return docs;
}
