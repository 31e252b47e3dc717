import { type Document, Int32 } from 'bson';
import { describe, expect, it } from 'vitest';

import { Collection } from '../storage/collection';
import { idKeyOf } from '../storage/id-key';
import { validateIndexSpec } from '../storage/index-spec';
import { takeLeadingStages } from './aggregate-pipeline';
import { CollectionReader } from './collection-reader';

function reader(): CollectionReader {
  const collection = new Collection('test', 'jobs');
  collection.addIndex(validateIndexSpec({ key: { status: 1 } }));
  for (let i = 0; i < 1_000; i++) {
    const doc = { _id: i, status: ['open', 'done'][i % 2], quantity: new Int32(i % 10) };
    collection.insert({ id: idKeyOf(doc._id), doc, version: i });
  }
  return new CollectionReader(collection);
}

describe('takeLeadingStages', () => {
  it('hands a $group only the documents the leading $match found', () => {
    const group = { $group: { _id: '$quantity', units: { $sum: '$quantity' } } };
    const { docs, rest } = takeLeadingStages(reader(), [{ $match: { status: 'open' } }, group]);
    expect(docs).toHaveLength(500);
    expect(docs.every((doc) => doc.status === 'open')).toBe(true);
    expect(rest).toEqual([group]);
  });

  it('answers a leading counting $group from a count, leaving the later stages', () => {
    const later: Document[] = [{ $project: { n: 1 } }];
    const counted = takeLeadingStages(reader(), [
      { $match: { status: 'done' } },
      { $skip: new Int32(100) },
      { $group: { _id: new Int32(1), n: { $sum: new Int32(1) } } },
      ...later,
    ]);
    expect(counted).toEqual({ docs: [{ _id: new Int32(1), n: new Int32(400) }], rest: later });
  });

  it('leaves a $sort before the $group, or a $match using $expr, to the general path', () => {
    const group = { $group: { _id: 1, n: { $sum: 1 } } };
    expect(
      takeLeadingStages(reader(), [{ $match: { status: 'done' } }, { $sort: { quantity: 1 } }, group]).rest,
    ).toEqual([group]);
    const withExpr = [{ $match: { $expr: { $eq: ['$status', 'done'] } } }, group];
    expect(takeLeadingStages(reader(), withExpr)).toEqual({ docs: expect.any(Array), rest: withExpr });
  });
});
