import { type Document } from 'bson';

import { numericValue } from '../bson/values';
import { type CollectionIndex, type KeyRange } from '../storage/collection-index';
import { type Collection } from '../storage/collection';
import { idKeyOf } from '../storage/id-key';
import { fieldConditionsOf } from './filter-conditions';

export interface IndexScan {
  prefix: unknown[];
  range?: KeyRange;
}

export type QueryPlan =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'index'; index: CollectionIndex; scans: IndexScan[]; reverse: boolean; providesSort: boolean }
  | { kind: 'collection' };

/** Upper bound on the point combinations a compound `$in` lookup expands to before falling back to a prefix. */
const MAX_POINT_COMBINATIONS = 500;

export interface SortField {
  path: string;
  direction: 1 | -1;
}

export function sortFieldsOf(sort: Document | undefined): SortField[] {
  if (!sort) return [];
  return Object.entries(sort).map(([path, direction]) => ({ path, direction: numericValue(direction) === -1 ? -1 : 1 }));
}

/**
 * Chooses how to find the documents a filter (and sort) needs: exact `_id` lookups, a scan of one index, or a
 * full collection scan. Any plan returns a superset of the matches; the filter is always applied afterwards.
 */
export function planQuery({ collection, filter, sort }: { collection: Collection; filter?: Document; sort?: SortField[] }): QueryPlan {
  const conditions = fieldConditionsOf(filter);
  const idCondition = conditions.get('_id');
  if (idCondition?.points) return { kind: 'ids', ids: [...new Set(idCondition.points.map(idKeyOf))] };

  let best: { index: CollectionIndex; scans: IndexScan[]; score: number; singlePoint: boolean; rangeField: boolean } | undefined;
  for (const index of collection.indexes.values()) {
    if (!index.complete || index.spec.hidden) continue;
    let combos: unknown[][] = [[]];
    let score = 0;
    let singlePoint = true;
    let range: KeyRange | undefined;
    for (const field of index.fields) {
      const condition = conditions.get(field.path);
      if (condition?.points && combos.length * condition.points.length <= MAX_POINT_COMBINATIONS) {
        combos = combos.flatMap((combo) => condition.points!.map((point) => [...combo, point]));
        if (condition.points.length !== 1) singlePoint = false;
        score += 2;
        continue;
      }
      if (condition?.range) {
        // With arrays a document can satisfy each bound through a different element, so only one bound is safe.
        range = index.multikey && condition.range.lower && condition.range.upper ? { ...condition.range, upper: undefined } : condition.range;
        score += 1;
      }
      break;
    }
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && index.unique && !best.index.unique)) {
      best = { index, scans: combos.map((prefix) => ({ prefix, range })), score, singlePoint, rangeField: range !== undefined };
    }
  }

  if (best) {
    const order = sort && sort.length > 0 && best.singlePoint ? sortOrderFrom(best.index, best.scans[0].prefix.length, sort) : undefined;
    return { kind: 'index', index: best.index, scans: best.scans, reverse: order === 'reverse', providesSort: order !== undefined };
  }
  if (sort && sort.length > 0) {
    for (const index of collection.indexes.values()) {
      if (!index.complete || index.spec.hidden) continue;
      const order = sortOrderFrom(index, 0, sort);
      if (order) return { kind: 'index', index, scans: [{ prefix: [] }], reverse: order === 'reverse', providesSort: true };
    }
  }
  return { kind: 'collection' };
}

/** Whether walking `index` after an equality prefix of `skip` fields yields documents in `sort` order. */
function sortOrderFrom(index: CollectionIndex, skip: number, sort: SortField[]): 'forward' | 'reverse' | undefined {
  if (index.multikey) return undefined;
  const rest = index.fields.slice(skip);
  if (rest.length < sort.length) return undefined;
  const same = sort.every((field, i) => rest[i].path === field.path && rest[i].direction === field.direction);
  if (same) return 'forward';
  const inverse = sort.every((field, i) => rest[i].path === field.path && rest[i].direction === -field.direction);
  return inverse ? 'reverse' : undefined;
}
