import { Double, Int32, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';

import { buildUpsertDocument, updateDocument } from './update-document';

describe('updateDocument', () => {
  it('keeps integer widths: int32 stays int32, overflows to int64, mixes with double as double', () => {
    const doc = { _id: 1, i: new Int32(2), big: new Int32(2147483647), l: Long.fromNumber(5), d: new Double(1.5) };
    const { doc: next } = updateDocument({
      doc,
      update: { $inc: { i: new Int32(3), big: new Int32(1), l: new Int32(1), d: new Int32(1) } },
    });
    expect(next.i).toEqual(new Int32(5));
    expect(next.big).toEqual(Long.fromNumber(2147483648));
    expect(next.l).toEqual(Long.fromNumber(6));
    expect(next.d).toEqual(new Double(2.5));
    expect(doc.i).toEqual(new Int32(2));
  });

  it('reports updated and removed fields, and no change for a no-op', () => {
    const doc = { _id: 1, a: new Int32(1), b: 'x', nested: { c: 1 } };
    const result = updateDocument({ doc, update: { $set: { a: new Int32(1), 'nested.c': 2 }, $unset: { b: '' } } });
    expect(result.updatedFields).toEqual({ 'nested.c': 2 });
    expect(result.removedFields).toEqual(['b']);
    expect(result.modified).toBe(true);
    expect(updateDocument({ doc, update: { $set: { a: new Int32(1) } } }).modified).toBe(false);
  });

  it('applies array operators: $push with modifiers, $addToSet, $pull by condition, $pop', () => {
    const doc = { _id: 1, scores: [new Int32(5), new Int32(1)], tags: ['a'], items: [{ q: 1 }, { q: 7 }] };
    const { doc: next } = updateDocument({
      doc,
      update: {
        $push: { scores: { $each: [new Int32(9), new Int32(3)], $sort: -1, $slice: 3 } },
        $addToSet: { tags: { $each: ['a', 'b'] } },
        $pull: { items: { q: { $gt: 5 } } },
      },
    });
    expect(next.scores).toEqual([new Int32(9), new Int32(5), new Int32(3)]);
    expect(next.tags).toEqual(['a', 'b']);
    expect(next.items).toEqual([{ q: 1 }]);
    expect(updateDocument({ doc, update: { $pop: { scores: -1 } } }).doc.scores).toEqual([new Int32(1)]);
  });

  it('resolves the positional $, $[] and $[identifier] with arrayFilters', () => {
    const doc = {
      _id: 1,
      lines: [
        { sku: 'A', qty: 1 },
        { sku: 'B', qty: 5 },
        { sku: 'C', qty: 9 },
      ],
    };
    const positional = updateDocument({ doc, filter: { 'lines.sku': 'B' }, update: { $set: { 'lines.$.qty': 6 } } });
    expect(positional.doc.lines[1]).toEqual({ sku: 'B', qty: 6 });
    const all = updateDocument({ doc, update: { $inc: { 'lines.$[].qty': new Int32(1) } } });
    expect(all.doc.lines.map((line: { qty: Int32 }) => Number(line.qty))).toEqual([2, 6, 10]);
    const filtered = updateDocument({
      doc,
      update: { $set: { 'lines.$[big].flag': true } },
      arrayFilters: [{ 'big.qty': { $gte: 5 } }],
    });
    expect(filtered.doc.lines.map((line: { flag?: boolean }) => line.flag ?? false)).toEqual([false, true, true]);
    expect(() => updateDocument({ doc, update: { $set: { 'lines.$[x].flag': true } } })).toThrow(/No array filter/);
    expect(() => updateDocument({ doc, update: { $set: { a: 1 } }, arrayFilters: [{ 'x.q': 1 }] })).toThrow(/not used/);
  });

  it('refuses to change _id and refuses conflicting paths', () => {
    const doc = { _id: 1, a: { b: 1 } };
    expect(() => updateDocument({ doc, update: { $set: { _id: 2 } } })).toThrow(expect.objectContaining({ code: 66 }));
    expect(() => updateDocument({ doc, update: { _id: 2, x: 1 } })).toThrow(expect.objectContaining({ code: 66 }));
    expect(updateDocument({ doc, update: { $set: { _id: 1, c: 1 } } }).doc).toEqual({ _id: 1, a: { b: 1 }, c: 1 });
    expect(() => updateDocument({ doc, update: { $set: { a: 1 }, $inc: { 'a.b': 1 } } })).toThrow(
      expect.objectContaining({ code: 40 }),
    );
    expect(() => updateDocument({ doc, update: { $set: { 'a.b.c': 1 } } })).toThrow(
      expect.objectContaining({ code: 28 }),
    );
    expect(() => updateDocument({ doc, update: { $bogus: { a: 1 } } })).toThrow(/Unknown modifier/);
  });

  it('replaces the whole document but keeps _id first', () => {
    const result = updateDocument({ doc: { _id: 7, a: 1 }, update: { b: 2 } });
    expect(result.doc).toEqual({ _id: 7, b: 2 });
    expect(Object.keys(result.doc)[0]).toBe('_id');
    expect(result.replaced).toBe(true);
  });

  it('runs pipeline updates and keeps the types of fields it did not change', () => {
    const doc = { _id: 1, d: new Double(2), n: new Int32(3) };
    const result = updateDocument({ doc, update: [{ $set: { total: { $add: ['$n', 1] } } }] });
    expect(result.doc.d).toEqual(new Double(2));
    expect(result.doc.total).toBe(4);
  });
});

describe('buildUpsertDocument', () => {
  it('seeds from equality conditions, applies $setOnInsert, and generates an _id', () => {
    const doc = buildUpsertDocument({
      filter: { workshop: 'W1', 'meta.week': new Int32(12), qty: { $gt: 5 }, $and: [{ skill: { $eq: 'brass' } }] },
      update: { $setOnInsert: { createdBy: 'planner' }, $inc: { planned: new Int32(1) } },
    });
    expect(doc._id).toBeInstanceOf(ObjectId);
    expect(Object.keys(doc)[0]).toBe('_id');
    expect(doc).toMatchObject({
      workshop: 'W1',
      meta: { week: new Int32(12) },
      skill: 'brass',
      createdBy: 'planner',
      planned: new Int32(1),
    });
    expect(doc.qty).toBeUndefined();
  });

  it('takes _id from the filter for replacements and refuses a different one', () => {
    expect(buildUpsertDocument({ filter: { _id: 'x' }, update: { a: 1 } })).toEqual({ _id: 'x', a: 1 });
    expect(() => buildUpsertDocument({ filter: { _id: 'x' }, update: { _id: 'y', a: 1 } })).toThrow(
      expect.objectContaining({ code: 66 }),
    );
  });
});
