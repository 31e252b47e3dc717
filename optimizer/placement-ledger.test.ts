import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PlacementLedger } from './placement-ledger';
import { buildPlanningInstance } from './planning-instance';
import { validateProblem } from './validate-problem';

// The ledger keeps each workshop-week's movable minutes as a running total (the relocating fill
// asks for it thousands of times); it must always equal the sum over the lots, less their pins.

const instance = buildPlanningInstance(
  validateProblem({
    horizon: { start: '2026-11-23', weeks: 2 },
    workshops: [
      { id: 'W1', skills: ['brass'], artisans: 2, capacityMinutes: [600, 600] },
      { id: 'W2', skills: ['brass'], artisans: 2, capacityMinutes: [600, 600] },
    ],
    jobs: [
      { id: 'J1', skill: 'brass', quantity: 40, minutesPerUnit: 2.5, pieceRateCents: 100, dueDate: '2026-12-06' },
      { id: 'J2', skill: 'brass', quantity: 30, minutesPerUnit: 7.3, pieceRateCents: 300, dueDate: '2026-12-06' },
      { id: 'J3', skill: 'brass', quantity: 20, minutesPerUnit: 11, pieceRateCents: 500, dueDate: '2026-12-06' },
    ],
  }),
);

function summedMovableMinutes(ledger: PlacementLedger, w: number, t: number): number {
  let minutes = 0;
  for (const [j, units] of ledger.lotsAt(w, t))
    minutes += (units - ledger.pinned(j, w, t)) * instance.jobs[j].job.minutesPerUnit;
  return minutes;
}

const step = fc.record({
  kind: fc.constantFrom('pin', 'add', 'take', 'release'),
  j: fc.integer({ min: 0, max: 2 }),
  w: fc.integer({ min: 0, max: 1 }),
  t: fc.integer({ min: 0, max: 1 }),
  units: fc.integer({ min: 1, max: 12 }),
});

describe('PlacementLedger movable minutes', () => {
  it('equal the lots less their pins after any pins, additions, takings and releases', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const ledger = new PlacementLedger(instance);
        for (const { kind, j, w, t, units } of steps) {
          // Only steps the ledger allows: the stages never ask it for anything else.
          if (kind === 'pin' && ledger.canAdd(j, w, t, units) === units) ledger.pin(j, w, t, units);
          if (kind === 'add' && ledger.canAdd(j, w, t, units) === units) ledger.add(j, w, t, units);
          if (kind === 'release' && ledger.pinned(j, w, t) >= units) ledger.release(j, w, t, units);
          if (kind === 'take') {
            const left = ledger.lot(j, w, t) - units;
            if (ledger.movable(j, w, t) >= units && (left === 0 || left >= instance.jobs[j].lotMin))
              ledger.take(j, w, t, units);
          }
        }
        for (let w = 0; w < 2; w++)
          for (let t = 0; t < 2; t++)
            expect(ledger.movableMinutes(w, t)).toBeCloseTo(summedMovableMinutes(ledger, w, t), 9);
      }),
      { numRuns: 300 },
    );
  });
});
