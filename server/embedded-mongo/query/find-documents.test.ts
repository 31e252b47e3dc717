import { Int32, ObjectId } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Collection } from '../storage/collection';
import { idKeyOf } from '../storage/id-key';
import { validateIndexSpec } from '../storage/index-spec';
import { CollectionReader } from './collection-reader';
import { type ExecutionStats, findDocuments } from './find-documents';
import { sortFieldsOf } from './planner';

function collectionWith(docs: object[], indexes: object[] = []): Collection {
  const collection = new Collection('test', 'jobs');
  for (const spec of indexes) collection.addIndex(validateIndexSpec(spec));
  docs.forEach((doc, version) => {
    const withId = { _id: new ObjectId(), ...doc };
    collection.insert({ id: idKeyOf(withId._id), doc: withId, version });
  });
  return collection;
}

const job = (i: number) => ({
  code: `J${i}`,
  workshop: `W${i % 50}`,
  qty: new Int32(i % 17),
  skills: i % 3 === 0 ? ['brass', 'beads'] : ['horn'],
});

describe('findDocuments', () => {
  it('answers an equality lookup on an index without scanning the collection', () => {
    const collection = collectionWith(
      Array.from({ length: 20_000 }, (_, i) => job(i)),
      [{ key: { code: 1 }, unique: true }],
    );
    const stats: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
    const found = findDocuments({ reader: new CollectionReader(collection), filter: { code: 'J1234' }, stats });
    expect(found.map((stored) => stored.doc.code)).toEqual(['J1234']);
    expect(stats.plan?.kind).toBe('index');
    expect(stats.docsExamined).toBe(1);
  });

  it('uses a sparse index only for values a document without its fields cannot match', () => {
    const collection = collectionWith(
      Array.from({ length: 2_000 }, (_, i) =>
        i % 2 === 0 ? { ...job(i), channel: `C${i % 3}`, ref: `R${i}` } : job(i),
      ),
      [{ key: { channel: 1, ref: 1 }, unique: true, sparse: true }],
    );
    const reader = new CollectionReader(collection);
    const byRef: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
    const found = findDocuments({ reader, filter: { channel: 'C2', ref: 'R8' }, stats: byRef });
    expect(found.map((stored) => stored.doc.code)).toEqual(['J8']);
    expect(byRef.plan?.kind).toBe('index');
    expect(byRef.docsExamined).toBe(1);
    // null also matches documents missing the field, which the sparse index leaves out.
    const missing: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
    expect(findDocuments({ reader, filter: { channel: null }, stats: missing })).toHaveLength(1_000);
    expect(missing.plan?.kind).toBe('collection');
    const orMissing: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
    expect(findDocuments({ reader, filter: { channel: { $in: ['C1', null] } }, stats: orMissing })).toHaveLength(
      1_000 + 333,
    );
    expect(orMissing.plan?.kind).toBe('collection');
  });

  it('uses a compound index for equality plus range, and for sort with limit', () => {
    const collection = collectionWith(
      Array.from({ length: 5_000 }, (_, i) => job(i)),
      [{ key: { workshop: 1, qty: -1 } }],
    );
    const stats: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
    const found = findDocuments({
      reader: new CollectionReader(collection),
      filter: { workshop: 'W7', qty: { $gte: 10 } },
      sort: sortFieldsOf({ qty: -1 }),
      limit: 5,
      stats,
    });
    expect(found.map((stored) => stored.doc.qty.value)).toEqual([16, 16, 16, 16, 16]);
    expect(stats.docsExamined).toBe(5);
    expect(stats.plan).toMatchObject({ kind: 'index', providesSort: true });
  });

  it('gives the same answers with indexes as by scanning, for random filters and sorts', () => {
    const docs = Array.from({ length: 400 }, (_, i) => ({
      ...job(i),
      maybe: i % 5 === 0 ? null : i % 7 === 0 ? undefined : `m${i % 4}`,
    }));
    const plain = collectionWith(docs);
    const indexed = collectionWith(docs, [
      { key: { workshop: 1, qty: 1 } },
      { key: { skills: 1 } },
      { key: { maybe: 1 } },
      { key: { qty: -1 } },
    ]);
    const value = fc.oneof(
      fc.integer({ min: 0, max: 17 }).map((n) => ({ qty: new Int32(n) })),
      fc.integer({ min: 0, max: 17 }).map((n) => ({ qty: { $gt: new Int32(n) } })),
      fc.integer({ min: 0, max: 17 }).map((n) => ({ qty: { $lte: n, $gt: n - 5 } })),
      fc.integer({ min: 0, max: 60 }).map((n) => ({ workshop: `W${n}` })),
      fc.integer({ min: 0, max: 60 }).map((n) => ({ workshop: { $in: [`W${n}`, `W${n + 1}`] } })),
      fc.constantFrom(
        { skills: 'brass' },
        { skills: { $in: ['horn', 'beads'] } },
        { maybe: null },
        { maybe: { $gte: 'm2' } },
      ),
    );
    const run = (collection: Collection, filter: object, sort: object) =>
      findDocuments({
        reader: new CollectionReader(collection),
        filter: filter as never,
        sort: sortFieldsOf(sort as never),
      }).map((stored) => `${stored.doc.code}`);
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 3 }),
        fc.constantFrom({}, { qty: -1, code: 1 }, { workshop: 1, qty: 1, code: 1 }),
        (clauses, sort) => {
          const filter = Object.assign({}, ...clauses);
          const expected = run(plain, filter, sort);
          const actual = run(indexed, filter, sort);
          if (Object.keys(sort).length > 0) expect(actual).toEqual(expected);
          else expect([...actual].sort()).toEqual([...expected].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
