import { setImmediate as nextTurn } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { gatherEachTurn } from './gather-each-turn';

describe('gatherEachTurn', () => {
  it('hands the calls of one turn over together, in order, and a later turn’s on their own', async () => {
    const batches: number[][] = [];
    const double = gatherEachTurn<number, number>(async (gathered) => {
      batches.push(gathered.map(({ item }) => item));
      for (const { item, resolve, reject } of gathered) {
        if (item < 0) reject(new RangeError(`negative: ${item}`));
        else resolve(item * 2);
      }
    });
    const first = Promise.allSettled([double(1), double(-2), double(3)]);
    await nextTurn();
    const later = double(4);
    expect(await first).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new RangeError('negative: -2') },
      { status: 'fulfilled', value: 6 },
    ]);
    expect(await later).toBe(8);
    expect(batches).toEqual([[1, -2, 3], [4]]);
  });
});
