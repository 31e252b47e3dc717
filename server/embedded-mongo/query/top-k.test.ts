import { type Document, Int32, Long } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Collection } from '../storage/collection';
import { idKeyOf } from '../storage/id-key';
import { runPipeline } from './aggregation/run-pipeline';
import { CollectionReader } from './collection-reader';
import { findDocuments } from './find-documents';
import { sortFieldsOf } from './planner';
import { TopK } from './top-k';

describe('TopK', () => {
  it('keeps the k smallest items in order, like sorting everything and taking the first k', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 })), fc.integer({ min: 0, max: 12 }), (values, k) => {
        // Ties broken by position make the order total, as a stable sort's is.
        const items = values.map((value, position) => ({ value, position }));
        const compare = (a: (typeof items)[0], b: (typeof items)[0]) => a.value - b.value || a.position - b.position;
        const top = new TopK(k, compare);
        for (const item of items) top.offer(item);
        expect(top.sorted()).toEqual([...items].sort(compare).slice(0, k));
      }),
      { numRuns: 300 },
    );
  });
});

/** Values of every kind a sort meets: numbers of several widths, strings, dates, null, missing, arrays. */
const sortValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -5, max: 5 }).map((n) => new Int32(n)),
  fc.integer({ min: -5, max: 5 }).map((n) => Long.fromNumber(n)),
  fc.constantFrom('a', 'b', 'c'),
  fc.integer({ min: 0, max: 5 }).map((day) => new Date(Date.UTC(2025, 0, day))),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 3 }),
);

const sortSpec = fc.constantFrom<Document>({ v: 1 }, { v: -1 }, { v: -1, w: 1 }, { 'sub.v': 1 }, { w: 1, v: -1 });

function docsOf(values: Array<[unknown, unknown]>): Document[] {
  return values.map(([v, w], i) => {
    const doc: Document = { _id: i, sub: { v } };
    if (v !== undefined) doc.v = v;
    if (w !== undefined) doc.w = w;
    return doc;
  });
}

describe('sort + limit without an index', () => {
  it('gives a find the same documents as a full sort, for any skip and limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sortValue, sortValue), { maxLength: 60 }),
        sortSpec,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (values, sort, skip, limit) => {
          const collection = new Collection('test', 'jobs');
          docsOf(values).forEach((doc, version) => collection.insert({ id: idKeyOf(doc._id), doc, version }));
          const reader = new CollectionReader(collection);
          const ids = (docs: Array<{ doc: Document }>) => docs.map((stored) => stored.doc._id);
          const all = findDocuments({ reader, sort: sortFieldsOf(sort) });
          const limited = findDocuments({ reader, sort: sortFieldsOf(sort), skip, limit });
          expect(ids(limited)).toEqual(ids(all).slice(skip, skip + limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives an aggregation $sort followed by $limit the same documents as sorting everything', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sortValue, sortValue), { maxLength: 60 }),
        sortSpec,
        fc.integer({ min: 1, max: 8 }),
        (values, sort, limit) => {
          const options = { resolve: () => [], variables: {} };
          const docs = docsOf(values);
          const sorted = runPipeline([{ $sort: sort }], docs, options);
          const limited = runPipeline([{ $sort: sort }, { $limit: limit }], docs, options);
          expect(limited.map((doc) => doc._id)).toEqual(sorted.slice(0, limit).map((doc) => doc._id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
