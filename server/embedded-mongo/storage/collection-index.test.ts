import { Int32 } from 'bson';
import { describe, expect, it } from 'vitest';

import { TypeRank } from '../bson/compare';
import { CollectionIndex } from './collection-index';
import { validateIndexSpec } from './index-spec';
import { type StoredDoc } from './stored-doc';

const stored = (id: string, doc: object): StoredDoc => ({ id, doc: { _id: id, ...doc }, version: 0 });

describe('CollectionIndex', () => {
  it('finds unique conflicts, skipping the document itself and ignored ids', () => {
    const index = new CollectionIndex(validateIndexSpec({ key: { code: 1 }, unique: true }));
    index.add(stored('a', { code: 'X' }));
    index.add(stored('b', { code: 'Y' }));
    expect(index.findConflict(stored('c', { code: 'X' }))).toEqual({ key: ['X'] });
    expect(index.findConflict(stored('a', { code: 'X' }))).toBeUndefined();
    expect(index.findConflict(stored('c', { code: 'X' }), new Set(['a']))).toBeUndefined();
    expect(index.findConflict(stored('c', { code: 'Z' }))).toBeUndefined();
    // A missing field is a null key, which a second document without it repeats.
    index.add(stored('d', {}));
    expect(index.findConflict(stored('e', { code: null }))).toEqual({ key: [null] });
  });

  it('scans ranges within one BSON type, in either direction', () => {
    const index = new CollectionIndex(validateIndexSpec({ key: { n: -1 } }));
    const values = [new Int32(1), 5, 2.5, 'text', null, 9, new Date(0)];
    values.forEach((n, i) => index.add(stored(`d${i}`, { n })));
    const numbersAbove2 = [...index.scan([], { lower: { value: 2, inclusive: false }, typeRank: TypeRank.Number })].map(
      (entry) => entry.key[0],
    );
    expect(numbersAbove2).toEqual([9, 5, 2.5]);
    const ascending = [
      ...index.scan([], { upper: { value: 5, inclusive: true }, typeRank: TypeRank.Number }, true),
    ].map((entry) => entry.key[0]);
    expect(ascending).toEqual([new Int32(1), 2.5, 5]);
  });

  it('indexes each element of an array and refuses parallel arrays', () => {
    const index = new CollectionIndex(validateIndexSpec({ key: { tags: 1, skills: 1 } }));
    index.add(stored('a', { tags: ['x', 'y'], skills: 'brass' }));
    expect(index.multikey).toBe(true);
    expect([...index.scan(['y'])].map((entry) => entry.id)).toEqual(['a']);
    expect(() => index.keysOf(stored('b', { tags: ['x', 'y'], skills: ['a', 'b'] }))).toThrow(
      expect.objectContaining({ code: 171 }),
    );
  });

  it('leaves documents out of sparse and partial indexes', () => {
    const sparse = new CollectionIndex(validateIndexSpec({ key: { phone: 1 }, sparse: true, unique: true }));
    expect(sparse.keysOf(stored('a', {}))).toEqual([]);
    const partial = new CollectionIndex(
      validateIndexSpec({ key: { code: 1 }, unique: true, partialFilterExpression: { active: true } }),
    );
    expect(partial.keysOf(stored('a', { code: 'X', active: false }))).toEqual([]);
    expect(partial.keysOf(stored('b', { code: 'X', active: true }))).toEqual([['X']]);
  });
});
