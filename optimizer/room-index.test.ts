import { describe, expect, it } from 'vitest';

import { RoomIndex } from './room-index';

// The room index must find exactly the workshops a full scan would, in workshop order, and follow
// every change of free minutes.

function build(free: number[][]) {
  // Workshops 0–4; skill 0: all of them, skill 1: workshops 1 and 3.
  const workshopsBySkill = [
    [0, 1, 2, 3, 4],
    [1, 3],
  ];
  const index = new RoomIndex({
    workshopsBySkill,
    workshopCount: 5,
    weeks: 2,
    freeMinutes: (w, t) => free[w][t],
  });
  return index;
}

function visited(index: RoomIndex, s: number, t: number, atLeast: number): number[] {
  const seen: number[] = [];
  index.visit(s, t, atLeast, (w) => {
    seen.push(w);
    return atLeast;
  });
  return seen;
}

describe('RoomIndex', () => {
  const free = [
    [100, 0],
    [30, 50],
    [0, 0],
    [250, 10],
    [60, 70],
  ];

  it('visits, in workshop order, exactly the workshops of the skill with enough room', () => {
    const index = build(free);
    expect(visited(index, 0, 0, 50)).toEqual([0, 3, 4]);
    expect(visited(index, 1, 0, 20)).toEqual([1, 3]);
    expect(visited(index, 1, 1, 20)).toEqual([1]);
    expect(visited(index, 0, 1, 1000)).toEqual([]);
    expect(index.largest(0, 0)).toBe(250);
    expect(index.largest(1, 1)).toBe(50);
  });

  it('follows updates for every skill of the workshop', () => {
    const index = build(free);
    index.update(3, 0, 5);
    index.update(2, 0, 80);
    expect(visited(index, 0, 0, 50)).toEqual([0, 2, 4]);
    expect(visited(index, 1, 0, 20)).toEqual([1]);
    expect(index.largest(0, 0)).toBe(100);
    expect(index.largest(1, 0)).toBe(30);
  });

  it('skips what cannot beat the threshold the visitor raises', () => {
    const index = build(free);
    const seen: number[] = [];
    index.visit(0, 0, 50, (w) => {
      seen.push(w);
      return free[w][0] + 1;
    });
    // After workshop 0 (100 free) only more than 100 can follow: workshop 3, and not 4.
    expect(seen).toEqual([0, 3]);
  });
});
