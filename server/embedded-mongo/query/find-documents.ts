import { type Document } from 'bson';

import { type StoredDoc } from '../storage/stored-doc';
import { type CollectionReader } from './collection-reader';
import { indexAnswersExactly } from './exact-index-plan';
import { compileFilter, type DocumentPredicate } from './matcher';
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

/**
 * Calls `visit` with the documents in the plan's order that may match (the caller's filter decides), each id
 * once, until `visit` returns false. A visitor rather than a generator: this runs for every document a query
 * touches, and generator steps cost more than the work done per document.
 */
export function visitCandidates(
  reader: CollectionReader,
  plan: QueryPlan,
  stats: ExecutionStats | undefined,
  visit: (stored: StoredDoc) => boolean | void,
): void {
  const collection = reader.collection;
  if (plan.kind === 'ids') {
    for (const id of plan.ids) {
      const stored = reader.get(id);
      if (stored && visit(stored) === false) return;
    }
    return;
  }
  if (plan.kind === 'collection' || !collection) {
    if (!reader.snapshot && !reader.overlay) {
      for (const stored of collection?.docs.values() ?? []) if (visit(stored) === false) return;
      return;
    }
    for (const stored of reader.allDocs()) if (visit(stored) === false) return;
    return;
  }
  const dedupe = plan.index.multikey || plan.scans.length > 1 || reader.snapshot !== undefined;
  const seen = dedupe ? new Set<string>() : undefined;
  let stopped = false;
  for (const scan of plan.scans) {
    plan.index.visitScan(scan.prefix, scan.range, plan.reverse, (entry) => {
      if (stats) stats.keysExamined += 1;
      if (seen) {
        if (seen.has(entry.id)) return true;
        seen.add(entry.id);
      }
      if (reader.shadowed(entry.id)) return true;
      const stored = reader.committed(entry.id);
      if (stored && visit(stored) === false) stopped = true;
      return !stopped;
    });
    if (stopped) return;
  }
  for (const stored of reader.extraDocs(seen)) if (visit(stored) === false) return;
}

/**
 * How to find a query's documents, and the filter the candidates still need: undefined when the plan's index
 * answers the filter exactly (such a filter holds only simple conditions, so nothing in it can be malformed).
 */
export function planAndFilter(
  reader: CollectionReader,
  filter: Document | undefined,
  sort?: SortField[],
  hint?: unknown,
): { plan: QueryPlan; matches?: DocumentPredicate } {
  // Filters are parsed before plans are made: with a hint, a malformed filter is reported before a missing index.
  const compiled = hint === undefined ? undefined : compileFilter(filter);
  const plan: QueryPlan = reader.collection
    ? planQuery({ collection: reader.collection, filter, sort, hint })
    : { kind: 'collection' };
  // Overlaid and older versions are not in the index under the keys scanned, so they always need the filter.
  const plainReader = !reader.snapshot && !reader.overlay;
  if ((plainReader || plan.kind === 'ids') && indexAnswersExactly(plan, filter)) return { plan };
  return { plan, matches: compiled ?? compileFilter(filter) };
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
  const { plan, matches } = planAndFilter(reader, filter, sort, hint);
  if (stats) stats.plan = plan;
  const ordered = sort.length === 0 || (plan.kind === 'index' && plan.providesSort && !reader.hasOverlay);
  const wanted = limit > 0 ? skip + limit : Number.POSITIVE_INFINITY;
  const found: StoredDoc[] = [];
  visitCandidates(reader, plan, stats, (stored) => {
    if (stats) stats.docsExamined += 1;
    if (matches && !matches(stored)) return true;
    found.push(stored);
    return !ordered || found.length < wanted;
  });
  // Without an index giving the order, sort + limit keeps only the first skip + limit with a bounded heap.
  const sorted = ordered ? found : sortDocuments(found, sort, limit > 0 ? wanted : 0);
  return limit > 0 ? sorted.slice(skip, skip + limit) : skip > 0 ? sorted.slice(skip) : sorted;
}
