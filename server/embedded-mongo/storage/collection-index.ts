import { type Document } from 'bson';

import { compareValues, typeRankOf } from '../bson/compare';
import { pathTouchesArray, valuesAtPath } from '../bson/paths';
import { isPlainObject } from '../bson/values';
import { ErrorCode, MongoCommandError } from '../errors';
import { compileFilter, type DocumentPredicate } from '../query/matcher';
import { type IndexSpec, type KeyField, keyFieldsOf } from './index-spec';
import { SortedChunks } from './sorted-chunks';
import { type StoredDoc } from './stored-doc';

/** A set of document ids to leave out (documents being replaced or hidden by a transaction). */
export interface IdFilter {
  has(id: string): boolean;
}

export interface IndexEntry {
  readonly key: unknown[];
  readonly id: string;
}

/** One side of a range over the next key field after an equality prefix. */
export interface RangeBound {
  value: unknown;
  inclusive: boolean;
}

export interface KeyRange {
  lower?: RangeBound;
  upper?: RangeBound;
  /** Type bracket of the range: MongoDB ranges never cross BSON types. */
  typeRank: number;
}

/** A secondary (or `_id`) index: a sorted multiset of (key tuple, document id) entries. */
export class CollectionIndex {
  readonly fields: KeyField[];
  readonly tree: SortedChunks<IndexEntry>;
  /** Set once any indexed document had an array on an indexed path; such an index cannot provide sort order. */
  multikey = false;
  private readonly partialFilter?: DocumentPredicate;

  constructor(readonly spec: IndexSpec) {
    this.fields = keyFieldsOf(spec.key);
    this.tree = new SortedChunks<IndexEntry>((a, b) => this.compareEntries(a, b));
    if (spec.partialFilterExpression) this.partialFilter = compileFilter(spec.partialFilterExpression);
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return this.spec.unique === true || this.spec.name === '_id_';
  }

  /** Whether the index holds every document, so a scan over it is a complete answer for its key range. */
  get complete(): boolean {
    return !this.spec.sparse && !this.partialFilter;
  }

  compareEntries(a: IndexEntry, b: IndexEntry): number {
    return this.compareKeys(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /** Orders key tuples in index order (each field ascending or descending). */
  compareKeys(a: unknown[], b: unknown[]): number {
    for (let i = 0; i < this.fields.length; i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c * this.fields[i].direction;
    }
    return 0;
  }

  /** The key tuples a document contributes (several for arrays), or none when sparse/partial rules exclude it. */
  keysOf(stored: StoredDoc): unknown[][] {
    const doc = stored.doc;
    if (this.partialFilter && !this.partialFilter(stored)) return [];
    if (this.fields.length === 1 && !this.spec.sparse) {
      // Fast path: a top-level scalar field, the usual case.
      const value = doc[this.fields[0].path];
      if (
        value !== undefined &&
        (value === null || typeof value !== 'object' || (!Array.isArray(value) && !isPlainObject(value)))
      )
        return [[value]];
    }
    const perField = this.fields.map((field) => dedupe(valuesAtPath(doc, field.path)));
    if (this.spec.sparse && perField.every((values) => values.length === 1 && values[0] === undefined)) return [];
    const arrayFields = perField.filter((values) => values.length > 1).length;
    if (arrayFields > 1) {
      throw new MongoCommandError(
        ErrorCode.CannotIndexParallelArrays,
        `cannot index parallel arrays in index ${this.name}`,
      );
    }
    let tuples: unknown[][] = [[]];
    for (const values of perField) tuples = tuples.flatMap((tuple) => values.map((value) => [...tuple, value]));
    return tuples;
  }

  add(stored: StoredDoc, keys: unknown[][] = this.keysOf(stored)): void {
    if (!this.multikey && this.fields.some((field) => pathTouchesArray(stored.doc, field.path))) this.multikey = true;
    for (const key of keys) this.tree.insert({ key, id: stored.id });
  }

  remove(stored: StoredDoc): void {
    for (const key of this.keysOf(stored)) this.tree.remove({ key, id: stored.id });
  }

  /** Rebuilds the whole index from documents in one sort (faster than inserting one by one). */
  build(docs: Iterable<StoredDoc>): void {
    const entries: IndexEntry[] = [];
    for (const stored of docs) {
      if (!this.multikey && this.fields.some((field) => pathTouchesArray(stored.doc, field.path))) this.multikey = true;
      for (const key of this.keysOf(stored)) entries.push({ key, id: stored.id });
    }
    entries.sort((a, b) => this.compareEntries(a, b));
    this.tree.load(entries);
  }

  /**
   * Calls `visit` on the entries whose key starts with `prefix` (by value equality) and whose next field lies
   * within `range`, in index order (or reversed), until `visit` returns false.
   */
  visitScan(
    prefix: unknown[],
    range: KeyRange | undefined,
    reverse: boolean,
    visit: (entry: IndexEntry) => boolean | void,
  ): void {
    this.tree.visitBetween(
      (entry) => this.positionOf(entry, prefix, range) < 0,
      (entry) => this.positionOf(entry, prefix, range) <= 0,
      reverse,
      visit,
    );
  }

  /** How many entries visitScan would visit, found by two binary searches. */
  countScan(prefix: unknown[], range?: KeyRange): number {
    return this.tree.countBetween(
      (entry) => this.positionOf(entry, prefix, range) < 0,
      (entry) => this.positionOf(entry, prefix, range) <= 0,
    );
  }

  /** The entries visitScan would visit, as an array. */
  scan(prefix: unknown[], range?: KeyRange, reverse = false): IndexEntry[] {
    const entries: IndexEntry[] = [];
    this.visitScan(prefix, range, reverse, (entry) => {
      entries.push(entry);
    });
    return entries;
  }

  /**
   * Where an entry lies relative to a scan's keys, in tree order: -1 before them, 0 among them, 1 after.
   * NOTE: a method rather than closures built per scan: under tsx (keepNames) every named closure costs a
   * defineProperty, which shows on the per-request path.
   */
  private positionOf(entry: IndexEntry, prefix: unknown[], range: KeyRange | undefined): number {
    const k = prefix.length;
    for (let i = 0; i < k; i++) {
      const c = compareValues(entry.key[i], prefix[i]) * this.fields[i].direction;
      if (c !== 0) return c;
    }
    if (!range) return 0;
    const direction = this.fields[k].direction;
    const value = entry.key[k];
    const start = direction === 1 ? range.lower : range.upper;
    const end = direction === 1 ? range.upper : range.lower;
    const rankOrder = (typeRankOf(value) - range.typeRank) * direction;
    if (start) {
      const c = compareValues(value, start.value) * direction;
      if (c < 0 || (c === 0 && !start.inclusive)) return -1;
    } else if (rankOrder < 0) return -1;
    if (end) {
      const c = compareValues(value, end.value) * direction;
      if (c > 0 || (c === 0 && !end.inclusive)) return 1;
    } else if (rankOrder > 0) return 1;
    return 0;
  }

  /** The id of another document already holding one of `stored`'s keys in this unique index, with that key. */
  findConflict(
    stored: StoredDoc,
    ignoreIds?: IdFilter,
    keys: unknown[][] = this.keysOf(stored),
  ): { key: unknown[] } | undefined {
    if (!this.unique) return undefined;
    for (const key of keys) {
      const probe: IndexEntry = { key, id: '' };
      // Entries with this key sort together; ids start after '', so the run begins at the probe.
      let run = this.tree.takeFrom((entry) => this.compareEntries(entry, probe) < 0, 2);
      while (run.length > 0 && this.compareKeys(run[0].key, key) === 0) {
        const other = run.find(
          (entry) => this.compareKeys(entry.key, key) === 0 && entry.id !== stored.id && !ignoreIds?.has(entry.id),
        );
        if (other) return { key };
        if (run.length < 2 || this.compareKeys(run[1].key, key) !== 0) break;
        // Several documents share the key but all are ignorable so far: look further along the run.
        const last = run[run.length - 1];
        run = this.tree.takeFrom((entry) => this.compareEntries(entry, last) <= 0, 2);
      }
    }
    return undefined;
  }

  keyValueDocument(key: unknown[]): Document {
    const out: Document = {};
    this.fields.forEach((field, i) => {
      out[field.path] = key[i] === undefined ? null : key[i];
    });
    return out;
  }
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const sorted = [...values].sort(compareValues);
  return sorted.filter((value, i) => i === 0 || compareValues(value, sorted[i - 1]) !== 0);
}
