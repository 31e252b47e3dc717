import { type Document, Int32, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';

import { Collection } from '../storage/collection';
import { idKeyOf } from '../storage/id-key';
import { validateIndexSpec } from '../storage/index-spec';
import { indexAnswersExactly } from './exact-index-plan';
import { planQuery } from './planner';

function collectionWith(docs: Document[], indexes: object[]): Collection {
  const collection = new Collection('test', 'jobs');
  for (const spec of indexes) collection.addIndex(validateIndexSpec(spec));
  docs.forEach((doc, version) => collection.insert({ id: idKeyOf(doc._id), doc, version }));
  return collection;
}

const collection = collectionWith(
  [
    { _id: 1, order: new ObjectId(), status: 'open', week: new Int32(3), tags: ['a', 'b'] },
    { _id: 2, order: new ObjectId(), status: 'done', week: new Int32(4), tags: ['c'] },
  ],
  [{ key: { order: 1 } }, { key: { status: 1, week: 1 } }, { key: { tags: 1 } }, { key: { maybe: 1 }, sparse: true }],
);

function exact(filter: Document): boolean {
  return indexAnswersExactly(planQuery({ collection, filter }), filter);
}

describe('indexAnswersExactly', () => {
  it('trusts the index for equality, $in and one range after an equality prefix', () => {
    expect(exact({ order: new ObjectId() })).toBe(true);
    expect(exact({ order: { $in: [new ObjectId(), new ObjectId()] } })).toBe(true);
    expect(exact({ status: 'open' })).toBe(true);
    expect(exact({ status: { $eq: 'open' }, week: { $gte: 2, $lt: new Int32(5) } })).toBe(true);
    expect(exact({ _id: { $in: [1, 2] } })).toBe(true);
    expect(exact({ status: { $in: [] } })).toBe(true);
  });

  it('leaves to the matcher what the index scan does not fully decide', () => {
    // Conditions the plan does not look up, or looks up only partly.
    expect(exact({ status: 'open', notes: 'x' })).toBe(false);
    expect(exact({ status: { $ne: 'open' } })).toBe(false);
    expect(exact({ status: 'open', week: { $gt: 1, $gte: 2 } })).toBe(false);
    expect(exact({ week: 3 })).toBe(false);
    // Values with matching rules of their own: null also matches missing fields, regexes match patterns.
    expect(exact({ status: null })).toBe(false);
    expect(exact({ status: /op/ })).toBe(false);
    expect(exact({ status: { $in: ['open', null] } })).toBe(false);
    // Arrays can satisfy a filter through any element; a sparse index misses documents.
    expect(exact({ tags: 'a' })).toBe(false);
    expect(exact({ maybe: 'x' })).toBe(false);
    expect(exact({ $or: [{ status: 'open' }] })).toBe(false);
  });
});
