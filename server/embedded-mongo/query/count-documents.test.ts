import { type Document, Int32, Long } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { MongoCommandError } from '../errors';
import { Transaction } from '../sessions/transaction';
import { Collection } from '../storage/collection';
import { Engine } from '../storage/engine';
import { idKeyOf } from '../storage/id-key';
import { validateIndexSpec } from '../storage/index-spec';
import { CollectionReader } from './collection-reader';
import { countMatching } from './count-documents';
import { findDocuments } from './find-documents';

const STATUSES = ['open', 'planned', 'done'];

function job(i: number): Document {
  return {
    _id: i,
    status: STATUSES[i % 3],
    week: new Int32(i % 7),
    n: i % 4 === 0 ? Long.fromNumber(i % 11) : new Int32(i % 11),
    tags: i % 5 === 0 ? ['brass', 'beads'] : ['horn'],
    ...(i % 6 === 0 ? {} : { maybe: i % 2 === 0 ? null : `m${i % 3}` }),
  };
}

function collectionWith(docs: Document[], indexes: object[] = []): Collection {
  const collection = new Collection('test', 'jobs');
  for (const spec of indexes) collection.addIndex(validateIndexSpec(spec));
  docs.forEach((doc, version) => collection.insert({ id: idKeyOf(doc._id), doc, version }));
  return collection;
}

/** Filters of the shapes indexes answer exactly, and of shapes that need the matcher after the index. */
const filterClause = fc.oneof(
  fc.constantFrom(...STATUSES).map((status) => ({ status })),
  fc.constantFrom(...STATUSES).map((status) => ({ status: { $eq: status } })),
  fc.subarray([...STATUSES, 'open', 'missing']).map((statuses) => ({ status: { $in: statuses } })),
  fc.integer({ min: 0, max: 7 }).map((week) => ({ week: new Int32(week) })),
  fc.integer({ min: -1, max: 12 }).map((n) => ({ n: { $gt: n } })),
  fc.integer({ min: -1, max: 12 }).map((n) => ({ n: { $gte: new Int32(n), $lt: n + 4 } })),
  fc.integer({ min: -1, max: 12 }).map((n) => ({ n: { $gt: n, $gte: n - 2 } })),
  fc.constantFrom({ tags: 'brass' }, { maybe: null }, { maybe: 'm1' }, { status: { $ne: 'done' } }),
  fc.integer({ min: 0, max: 50 }).map((id) => ({ _id: { $in: [id, id + 1, id] } })),
);

describe('countMatching', () => {
  it('counts what a find returns, with and without indexes, for exact and residual filters', () => {
    const docs = Array.from({ length: 300 }, (_, i) => job(i));
    const plain = collectionWith(docs);
    const indexed = collectionWith(docs, [
      { key: { status: 1 } },
      { key: { status: 1, n: -1 } },
      { key: { week: 1 } },
      { key: { n: 1 } },
      { key: { tags: 1 } },
      { key: { maybe: 1 } },
    ]);
    fc.assert(
      fc.property(fc.array(filterClause, { maxLength: 3 }), (clauses) => {
        const filter = Object.assign({}, ...clauses) as Document;
        const expected = findDocuments({ reader: new CollectionReader(plain), filter }).length;
        expect(countMatching({ reader: new CollectionReader(plain), filter })).toBe(expected);
        expect(countMatching({ reader: new CollectionReader(indexed), filter })).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a malformed filter even when an index could count it, before looking at the hint', () => {
    const reader = new CollectionReader(collectionWith([job(1)], [{ key: { status: 1 } }]));
    expect(() => countMatching({ reader, filter: { status: { $bogus: 1 } } })).toThrow(/unknown operator/);
    expect(() => countMatching({ reader, filter: { status: { $bogus: 1 } }, hint: 'no_such_index' })).toThrow(
      /unknown operator/,
    );
    expect(() => countMatching({ reader, filter: { status: 'open' }, hint: 'no_such_index' })).toThrow(
      /hint provided does not correspond to an existing index/,
    );
  });
});

type Operation = { by: 'transaction' | 'other'; kind: 'insert' | 'update' | 'delete'; id: number; status: string };

const operation: fc.Arbitrary<Operation> = fc.record({
  by: fc.constantFrom('transaction' as const, 'other' as const),
  kind: fc.constantFrom('insert' as const, 'update' as const, 'delete' as const),
  id: fc.integer({ min: 0, max: 40 }),
  status: fc.constantFrom(...STATUSES),
});

describe('CollectionReader.count inside transactions', () => {
  it('equals the documents the snapshot and the transaction’s own writes show, as counts and as finds', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (operations, secondAt) => {
        const engine = new Engine();
        const collection = engine.ensureCollection('test', 'jobs');
        engine.createIndex(collection, validateIndexSpec({ key: { status: 1 } }));
        engine.applyWrites(
          Array.from({ length: 20 }, (_, i) => ({ kind: 'insert' as const, collection, doc: job(i) })),
        );
        const first = new Transaction(engine, { lsid: { id: 'first' }, txnNumber: 1n });
        let second: Transaction | undefined;
        operations.forEach((op, i) => {
          if (i === secondAt) second = new Transaction(engine, { lsid: { id: 'second' }, txnNumber: 1n });
          const current = (
            op.by === 'transaction' ? first.reader('test', 'jobs') : new CollectionReader(collection)
          ).get(idKeyOf(op.id))?.doc;
          const doc = { ...job(op.id), status: op.status };
          try {
            if (op.by === 'transaction') {
              if (op.kind === 'insert') first.insert(collection, doc);
              else if (current && op.kind === 'update') first.update(collection, current, doc);
              else if (current) first.remove(collection, current);
            } else if (op.kind === 'insert') {
              engine.applyWrites([{ kind: 'insert', collection, doc }]);
            } else if (current) {
              engine.applyWrites([
                op.kind === 'update'
                  ? { kind: 'update', collection, before: current, doc }
                  : { kind: 'delete', collection, before: current },
              ]);
            }
          } catch (error) {
            // Duplicate ids and write conflicts are refused as they should be; the counts must still agree.
            if (!(error instanceof MongoCommandError)) throw error;
          }
        });
        for (const reader of [
          first.reader('test', 'jobs'),
          second?.reader('test', 'jobs'),
          new CollectionReader(collection),
        ]) {
          if (!reader) continue;
          expect(reader.count()).toBe([...reader.allDocs()].length);
          for (const filter of [{}, { status: 'open' }, { status: { $in: ['open', 'done'] } }, { _id: { $lt: 10 } }]) {
            expect(countMatching({ reader, filter })).toBe(findDocuments({ reader, filter }).length);
          }
        }
        first.abort();
        second?.abort();
      }),
      { numRuns: 300 },
    );
  });
});
