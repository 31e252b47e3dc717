import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { ErrorCode, MongoCommandError } from '../errors';
import { type Collection } from '../storage/collection';
import { type CollectionIndex, type KeyRange } from '../storage/collection-index';
import { idKeyOf } from '../storage/id-key';
import { sameKeyPattern } from '../storage/index-spec';
import { fieldConditionsOf } from './filter-conditions';

export interface IndexScan {
  prefix: unknown[];
  range?: KeyRange;
}

export type QueryPlan =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'index'; index: CollectionIndex; scans: IndexScan[]; reverse: boolean; providesSort: boolean }
  | { kind: 'collection' };

/**
 * Upper bound on the point combinations a compound `$in` lookup expands to before falling back to a prefix.
 * The first field's `$in` list is never capped: each value is one binary search.
 */
const MAX_POINT_COMBINATIONS = 1000;

export interface SortField {
  path: string;
  direction: 1 | -1;
}

export function sortFieldsOf(sort: Document | undefined): SortField[] {
  if (!sort) return [];
  return Object.entries(sort).map(([path, direction]) => ({
    path,
    direction: numericValue(direction) === -1 ? -1 : 1,
  }));
}

/**
 * Chooses how to find the documents a filter (and sort) needs: exact `_id` lookups, a scan of one index, or a
 * full collection scan. Any plan returns a superset of the matches; the filter is always applied afterwards.
 */
export function planQuery({
  collection,
  filter,
  sort,
  hint,
}: {
  collection: Collection;
  filter?: Document;
  sort?: SortField[];
  hint?: unknown;
}): QueryPlan {
  const hinted = hintedIndex(collection, hint);
  if (hinted === 'natural') return { kind: 'collection' };
  const conditions = fieldConditionsOf(filter);
  const idCondition = conditions.get('_id');
  if (idCondition?.points && !hinted) return { kind: 'ids', ids: [...new Set(idCondition.points.map(idKeyOf))] };

  let best:
    | { index: CollectionIndex; scans: IndexScan[]; score: number; singlePoint: boolean; rangeField: boolean }
    | undefined;
  for (const index of hinted ? [hinted] : collection.indexes.values()) {
    if (!hinted && (!holdsEveryMatch(index, conditions) || index.spec.hidden)) continue;
    // Most indexes share nothing with the filter: leave them before allocating anything for them.
    if (!hinted && !conditions.has(index.fields[0].path)) continue;
    let combos: unknown[][] = [[]];
    let score = 0;
    let singlePoint = true;
    let range: KeyRange | undefined;
    for (const field of index.fields) {
      const condition = conditions.get(field.path);
      const firstField = combos.length === 1 && combos[0].length === 0;
      if (condition?.points && (firstField || combos.length * condition.points.length <= MAX_POINT_COMBINATIONS)) {
        const points = condition.points;
        // One point (a point read) extends each combination in place; several multiply them.
        if (points.length === 1) for (const combo of combos) combo.push(points[0]);
        else combos = combos.flatMap((combo) => points.map((point) => [...combo, point]));
        if (condition.points.length !== 1) singlePoint = false;
        score += 2;
        continue;
      }
      if (condition?.range) {
        // With arrays a document can satisfy each bound through a different element, so only one bound is safe.
        range =
          index.multikey && condition.range.lower && condition.range.upper
            ? { ...condition.range, upper: undefined }
            : condition.range;
        score += 1;
      }
      break;
    }
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && index.unique && !best.index.unique)) {
      best = {
        index,
        scans: combos.map((prefix) => ({ prefix, range })),
        score,
        singlePoint,
        rangeField: range !== undefined,
      };
    }
  }

  if (best) {
    const order =
      sort && sort.length > 0 && best.singlePoint
        ? sortOrderFrom(best.index, best.scans[0].prefix.length, sort)
        : undefined;
    return {
      kind: 'index',
      index: best.index,
      scans: best.scans,
      reverse: order === 'reverse',
      providesSort: order !== undefined,
    };
  }
  if (hinted) {
    const order = sort && sort.length > 0 ? sortOrderFrom(hinted, 0, sort) : 'forward';
    return {
      kind: 'index',
      index: hinted,
      scans: [{ prefix: [] }],
      reverse: order === 'reverse',
      providesSort: order !== undefined,
    };
  }
  if (sort && sort.length > 0) {
    for (const index of collection.indexes.values()) {
      if (!index.complete || index.spec.hidden) continue;
      const order = sortOrderFrom(index, 0, sort);
      if (order)
        return { kind: 'index', index, scans: [{ prefix: [] }], reverse: order === 'reverse', providesSort: true };
    }
  }
  return { kind: 'collection' };
}

/**
 * Whether every document the filter can match is in `index`. A sparse index leaves out documents that
 * have none of its fields, so it answers only a filter that asks one of its fields for values other
 * than null: such a document cannot match (the channels' API looks orders up by channel and
 * externalRef through a sparse unique index, once per order).
 */
function holdsEveryMatch(index: CollectionIndex, conditions: ReturnType<typeof fieldConditionsOf>): boolean {
  if (index.complete) return true;
  if (!index.spec.sparse || index.spec.partialFilterExpression) return false;
  return index.fields.some((field) => {
    const points = conditions.get(field.path)?.points;
    return points !== undefined && points.length > 0 && points.every((point) => point !== null);
  });
}

/** The index a `hint` names (by name or key pattern), 'natural' for `{ $natural: 1 }`, or undefined for none. */
function hintedIndex(collection: Collection, hint: unknown): CollectionIndex | 'natural' | undefined {
  if (hint === undefined || hint === null || (typeof hint === 'string' && hint === '')) return undefined;
  if (isPlainObject(hint) && Object.keys(hint).length === 0) return undefined;
  if (isPlainObject(hint) && '$natural' in hint) return 'natural';
  const index =
    typeof hint === 'string'
      ? collection.indexes.get(hint)
      : isPlainObject(hint)
        ? [...collection.indexes.values()].find((candidate) => sameKeyPattern(candidate.spec.key, hint))
        : undefined;
  if (!index) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
    );
  }
  return index;
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
