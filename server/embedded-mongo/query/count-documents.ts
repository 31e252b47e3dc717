import { type Document } from 'bson';

import { isPlainObject } from '../bson/values';
import { type CollectionReader } from './collection-reader';
import { planAndFilter, visitCandidates } from './find-documents';
import { type QueryPlan } from './planner';

function isEmptyFilter(filter: Document | undefined): boolean {
  return filter === undefined || (isPlainObject(filter) && Object.keys(filter).length === 0);
}

/** Index entries an exact plan scans; distinct point prefixes of a non-multikey index never share an entry. */
function countIndexEntries(plan: Extract<QueryPlan, { kind: 'index' }>): number {
  const { index } = plan;
  const scans = [...plan.scans].sort((a, b) => index.compareKeys(a.prefix, b.prefix));
  let n = 0;
  scans.forEach((scan, i) => {
    // `$in` may repeat a value; each distinct prefix is counted once.
    if (i > 0 && index.compareKeys(scans[i - 1].prefix, scan.prefix) === 0) return;
    n += index.countScan(scan.prefix, scan.range);
  });
  return n;
}

/**
 * How many documents match a filter, without building the result: the reader's size for an empty filter,
 * a count of index entries when an index answers the filter exactly, otherwise a pass over the candidates
 * the plan yields with the filter applied.
 */
export function countMatching({
  reader,
  filter,
  hint,
}: {
  reader: CollectionReader;
  filter?: Document;
  hint?: unknown;
}): number {
  if (!reader.exists) return 0;
  // An empty filter is answered from the reader's size; a hint is not consulted for it.
  if (isEmptyFilter(filter)) return reader.count();
  const { plan, matches } = planAndFilter(reader, filter, undefined, hint);
  if (!matches && plan.kind === 'index') return countIndexEntries(plan);
  let n = 0;
  visitCandidates(reader, plan, undefined, (stored) => {
    if (!matches || matches(stored)) n += 1;
  });
  return n;
}

/** A count as `count` and `$skip`/`$limit` before a count see it. */
export function applySkipLimit(n: number, skip: number, limit: number): number {
  const afterSkip = Math.max(0, n - skip);
  return limit > 0 ? Math.min(afterSkip, limit) : afterSkip;
}
