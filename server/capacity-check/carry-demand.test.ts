import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type ProblemInput } from '../../optimizer';
import { problemArbitrary } from '../../optimizer/random-problems.fixtures';
import { carryDemand, jobsOfLines } from './carry-demand';
import { type NewDemand, serveNewDemand } from './serve-new-demand';
import { serveOpenOrders } from './serve-open-orders';

// Promises chain: each order is served after every order promised before it. Lines carried on the
// served network keep every minute they were given when more is carried after them.

function linesOf(problem: ProblemInput, count: number): NewDemand[] {
  return problem.jobs.slice(-count).map((job) => ({
    skill: job.skill,
    quantity: job.quantity,
    minutesPerUnit: job.minutesPerUnit,
    pieceRateCents: job.pieceRateCents,
    dueDate: job.dueDate,
    minLot: job.minLot ?? 1,
  }));
}

describe('carrying promised demand on the served network', () => {
  it('keeps what earlier lines were served when more is carried or asked after them', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), (input, a, b) => {
        const problem = { ...input, jobs: input.jobs.slice(0, Math.max(0, input.jobs.length - a - b)) };
        const first = linesOf(input, a + b).slice(0, a);
        const next = linesOf(input, b);
        const base = serveOpenOrders({ problem, movableDays: 0 });
        const once = carryDemand({ problem, served: base, demand: first });
        const twice = carryDemand({ problem, served: once, demand: next });
        // Everything served before (open orders and the first lines) keeps its minutes.
        once.solution.servedMinutes.forEach((minutes, job) =>
          expect(twice.solution.servedMinutes[job]).toBeCloseTo(minutes, 6),
        );
        // Asking on the carried network leaves it as it was: the next order starts from the same.
        serveNewDemand({ problem, demand: next, served: once });
        once.solution.servedMinutes.forEach((minutes, job) =>
          expect(carryDemand({ problem, served: once, demand: [] }).solution.servedMinutes[job]).toBe(minutes),
        );
      }),
      { numRuns: 120 },
    );
  });
});

describe('jobs of lines checked before', () => {
  it('are the jobs validateProblem returns for the same lines', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 1, max: 4 }), (problem, count) => {
        const lines = linesOf(problem, count).map((demand, index) => ({ demand, id: `line-${index}` }));
        expect(jobsOfLines({ problem, lines, checked: true })).toEqual(jobsOfLines({ problem, lines }));
      }),
      { numRuns: 120 },
    );
  });
});
