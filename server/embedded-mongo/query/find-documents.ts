import { type Document } from 'bson';

import { type StoredDoc } from '../storage/stored-doc';
import { type CollectionReader } from './collection-reader';
import { compileFilter } from './matcher';
import { planQuery, type QueryPlan, type SortField } from './planner';
import { sortDocuments } from './sort-documents';

export interface FindRequest {
  reader: CollectionReader;
  filter?: Document;
  sort?: SortField[];
  skip?: number;
  /** 0 or undefined means no limit. */
  limit?: number;
  /** An index name or key pattern the query must use (or `{ $natural: 1 }` for a collection scan). */
  hint?: unknown;
  /** Filled in for explain: how much work the query did. */
  stats?: ExecutionStats;
}

export interface ExecutionStats {
  plan?: QueryPlan;
  keysExamined: number;
  docsExamined: number;
}

/** Documents in the plan's order that may match; the caller's filter decides. Each id appears once. */
function* candidatesOf(reader: CollectionReader, plan: QueryPlan, stats?: ExecutionStats): Generator<StoredDoc> {
  const collection = reader.collection;
  if (plan.kind === 'ids') {
    for (const id of plan.ids) {
      const stored = reader.get(id);
      if (stored) yield stored;
    }
    return;
  }
  if (plan.kind === 'collection' || !collection) {
    yield* reader.allDocs();
    return;
  }
  const dedupe = plan.index.multikey || plan.scans.length > 1 || reader.snapshot !== undefined;
  const seen = dedupe ? new Set<string>() : undefined;
  for (const scan of plan.scans) {
    for (const entry of plan.index.scan(scan.prefix, scan.range, plan.reverse)) {
      if (stats) stats.keysExamined += 1;
      if (seen) {
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
      }
      if (reader.shadowed(entry.id)) continue;
      const stored = reader.committed(entry.id);
      if (stored) yield stored;
    }
  }
  yield* reader.extraDocs(seen);
}

/** Runs a filter with sort, skip and limit against a collection, using an index where one helps. */
export function findDocuments({
  reader,
  filter,
  sort = [],
  skip = 0,
  limit = 0,
  hint,
  stats,
}: FindRequest): StoredDoc[] {
  if (!reader.exists) return [];
  const matches = compileFilter(filter);
  const plan: QueryPlan = reader.collection
    ? planQuery({ collection: reader.collection, filter, sort, hint })
    : { kind: 'collection' };
  if (stats) stats.plan = plan;
  const ordered = sort.length === 0 || (plan.kind === 'index' && plan.providesSort && !reader.hasOverlay);
  const wanted = limit > 0 ? skip + limit : Number.POSITIVE_INFINITY;
  const found: StoredDoc[] = [];
  for (const stored of candidatesOf(reader, plan, stats)) {
    if (stats) stats.docsExamined += 1;
    if (!matches(stored)) continue;
    found.push(stored);
    if (ordered && found.length >= wanted) break;
  }
  const sorted = ordered ? found : sortDocuments(found, sort);
  return limit > 0 ? sorted.slice(skip, skip + limit) : skip > 0 ? sorted.slice(skip) : sorted;
}

/** Counts matches without materialising a sort. */
export function countDocuments({ reader, filter, skip = 0, limit = 0, hint }: Omit<FindRequest, 'sort'>): number {
  const n = findDocuments({ reader, filter, skip: 0, limit: 0, hint }).length;
  const afterSkip = Math.max(0, n - skip);
  return limit > 0 ? Math.min(afterSkip, limit) : afterSkip;
}
