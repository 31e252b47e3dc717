import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { SortedChunks } from './sorted-chunks';

const byNumber = (a: number, b: number) => a - b;

describe('SortedChunks', () => {
  it('stays sorted through random inserts and removals, like a sorted array', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 })), { maxLength: 3000 }),
        (operations) => {
          const chunks = new SortedChunks<number>(byNumber);
          const reference: number[] = [];
          for (const [insert, value] of operations) {
            if (insert) {
              chunks.insert(value);
              reference.push(value);
              reference.sort(byNumber);
            } else {
              const at = reference.indexOf(value);
              expect(chunks.remove(value)).toBe(at >= 0);
              if (at >= 0) reference.splice(at, 1);
            }
          }
          expect([...chunks.ascendingFrom()]).toEqual(reference);
          expect([...chunks.descendingFrom()]).toEqual([...reference].reverse());
          expect(chunks.size).toBe(reference.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('splits and empties chunks correctly with thousands of items', () => {
    const chunks = new SortedChunks<number>(byNumber);
    const values = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: 6000, seed: 7 });
    for (const value of values) chunks.insert(value);
    const removed = values.filter((_, i) => i % 2 === 0);
    for (const value of removed) expect(chunks.remove(value)).toBe(true);
    const kept = values.filter((_, i) => i % 2 === 1).sort(byNumber);
    expect([...chunks.ascendingFrom()]).toEqual(kept);
    expect([...chunks.descendingFrom((x) => x > kept[1000])][0]).toBe(kept[1000]);
  });

  it('starts iteration at a bound in either direction', () => {
    const chunks = new SortedChunks<number>(byNumber);
    const values = Array.from({ length: 5000 }, (_, i) => i * 2);
    chunks.load(values);
    expect([...chunks.ascendingFrom((x) => x < 4001)].slice(0, 3)).toEqual([4002, 4004, 4006]);
    expect([...chunks.descendingFrom((x) => x > 4001)].slice(0, 3)).toEqual([4000, 3998, 3996]);
    expect([...chunks.ascendingFrom((x) => x < 1e9)]).toEqual([]);
    expect([...chunks.descendingFrom((x) => x > -1)]).toEqual([]);
  });

  it('visits and counts the items between two bounds in either direction, stopping when asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 2000 }),
        fc.integer({ min: -5, max: 305 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 50 }),
        (values, low, width, stopAfter) => {
          const chunks = new SortedChunks<number>(byNumber);
          for (const value of values) chunks.insert(value);
          const high = low + width;
          const expected = [...values].sort(byNumber).filter((value) => value >= low && value < high);
          const visit = (reverse: boolean, stop = Number.POSITIVE_INFINITY): number[] => {
            const seen: number[] = [];
            chunks.visitBetween(
              (x) => x < low,
              (x) => x < high,
              reverse,
              (x) => {
                seen.push(x);
                return seen.length < stop;
              },
            );
            return seen;
          };
          expect(visit(false)).toEqual(expected);
          expect(visit(true)).toEqual([...expected].reverse());
          expect(visit(false, stopAfter)).toEqual(expected.slice(0, stopAfter));
          expect(visit(true, stopAfter)).toEqual([...expected].reverse().slice(0, stopAfter));
          expect(
            chunks.countBetween(
              (x) => x < low,
              (x) => x < high,
            ),
          ).toBe(expected.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
