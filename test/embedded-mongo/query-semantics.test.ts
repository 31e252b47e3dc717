import { type Collection, type Filter } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { useConformanceDatabase, type LooseDocument } from './conformance-target';

/** The parts of MongoDB's query language that most often surprise: arrays, null, projections. */
const target = useConformanceDatabase({ area: 'query_semantics' });

const jobs: LooseDocument[] = [
  {
    _id: 'A',
    scores: [1, 9],
    tags: ['brass', 'gold'],
    items: [
      { sku: 'cuff', qty: 2 },
      { sku: 'ring', qty: 7 },
    ],
    spentCents: 500,
    budgetCents: 400,
    due: new Date('2025-03-03T09:00:00Z'),
  },
  {
    _id: 'B',
    scores: [5],
    tags: ['gold', 'brass'],
    items: [{ sku: 'ring', qty: 1 }],
    spentCents: 100,
    budgetCents: 400,
    due: new Date('2025-03-10T09:00:00Z'),
    note: null,
  },
  {
    _id: 'C',
    scores: [3, 12],
    tags: ['horn'],
    items: [],
    spentCents: 0,
    budgetCents: 0,
    due: new Date('2025-03-17T09:00:00Z'),
    note: 'fragile',
  },
];

let c: Collection<LooseDocument>;
beforeAll(async () => {
  c = target.collection('jobs');
  await c.insertMany(jobs);
});
const ids = async (filter: Filter<LooseDocument>) =>
  (await c.find(filter).sort({ _id: 1 }).toArray()).map((doc) => doc._id);

describe('arrays in queries', () => {
  it('each range bound may be met by a different element; $elemMatch needs one element to meet all', async () => {
    expect(await ids({ scores: { $gt: 4, $lt: 8 } })).toEqual(['A', 'B', 'C']);
    expect(await ids({ scores: { $elemMatch: { $gt: 4, $lt: 8 } } })).toEqual(['B']);
    expect(await ids({ items: { $elemMatch: { sku: 'ring', qty: { $gt: 5 } } } })).toEqual(['A']);
    expect(await ids({ 'items.sku': 'ring', 'items.qty': { $gt: 5 } })).toEqual(['A']);
    expect(await ids({ 'items.sku': 'cuff', 'items.qty': 7 })).toEqual(['A']);
  });

  it('a whole-array value matches exactly, in order; a scalar matches any element', async () => {
    expect(await ids({ tags: ['brass', 'gold'] })).toEqual(['A']);
    expect(await ids({ tags: 'gold' })).toEqual(['A', 'B']);
    expect(await ids({ tags: { $in: [/^ho/, 'nothing'] } })).toEqual(['C']);
    expect(await ids({ items: { $type: 'array' } })).toEqual(['A', 'B', 'C']);
    expect(await ids({ 'items.sku': { $exists: true } })).toEqual(['A', 'B']);
  });

  it('sorting by an array field uses the smallest element ascending and the largest descending', async () => {
    const ascending = await c.find().sort({ scores: 1 }).toArray();
    const descending = await c.find().sort({ scores: -1 }).toArray();
    expect(ascending.map((doc) => doc._id)).toEqual(['A', 'C', 'B']);
    expect(descending.map((doc) => doc._id)).toEqual(['C', 'A', 'B']);
  });
});

describe('null, $ne and $nin', () => {
  it('$ne: null and $nin: [null] exclude both null and missing fields', async () => {
    expect(await ids({ note: { $ne: null } })).toEqual(['C']);
    expect(await ids({ note: { $nin: [null] } })).toEqual(['C']);
    expect(await ids({ note: { $ne: 'fragile' } })).toEqual(['A', 'B']);
  });
});

describe('expressions, dates and regular expressions', () => {
  it('$expr compares two fields of the same document', async () => {
    expect(await ids({ $expr: { $gt: ['$spentCents', '$budgetCents'] } })).toEqual(['A']);
  });

  it('date ranges compare instants', async () => {
    expect(
      await ids({ due: { $gte: new Date('2025-03-10T00:00:00Z'), $lt: new Date('2025-03-17T09:00:00Z') } }),
    ).toEqual(['B']);
  });

  it('regular expressions honour their flags', async () => {
    expect(await ids({ note: /FRAG/i })).toEqual(['C']);
    expect(await ids({ note: { $regex: 'FRAG' } })).toEqual([]);
  });
});

describe('projections', () => {
  it('$slice projects the first or last elements of an array', async () => {
    expect(await c.findOne({ _id: 'C' }, { projection: { scores: { $slice: -1 }, _id: 0, tags: 1 } })).toEqual({
      scores: [12],
      tags: ['horn'],
    });
    expect(await c.findOne({ _id: 'A' }, { projection: { scores: { $slice: 1 } } })).toMatchObject({
      scores: [1],
      tags: ['brass', 'gold'],
    });
  });

  it('$elemMatch projects the first matching element', async () => {
    expect(await c.findOne({ _id: 'A' }, { projection: { items: { $elemMatch: { qty: { $gt: 1 } } } } })).toEqual({
      _id: 'A',
      items: [{ sku: 'cuff', qty: 2 }],
    });
  });

  it('the positional $ projects the element the query matched', async () => {
    expect(await c.findOne({ 'items.sku': 'ring', _id: 'A' }, { projection: { 'items.$': 1 } })).toEqual({
      _id: 'A',
      items: [{ sku: 'ring', qty: 7 }],
    });
  });

  it('a dotted projection into an array of documents keeps that field of each element', async () => {
    expect(await c.findOne({ _id: 'A' }, { projection: { 'items.sku': 1, _id: 0 } })).toEqual({
      items: [{ sku: 'cuff' }, { sku: 'ring' }],
    });
  });

  it('distinct on a path through an array of documents lists each value once', async () => {
    expect((await c.distinct('items.sku')).sort()).toEqual(['cuff', 'ring']);
  });
});
