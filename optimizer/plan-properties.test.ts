import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allowedWeeks, parseDay } from './calendar';
import { findPlanViolations, planJobs, validateProblem } from './index';
import { problemArbitrary } from './random-problems.fixtures';
import { type AllocationPlan } from './types';

// Random problems, checked against the hard rules by an independent verifier (verify-plan.ts),
// plus the promises about reasons, status and determinism.

const withoutTiming = (plan: AllocationPlan) => JSON.stringify({ ...plan, metrics: { ...plan.metrics, solveMs: 0 } });

describe('plans for random problems', () => {
  it('keep every hard rule', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, async (input) => {
        const plan = await planJobs(input);
        expect(findPlanViolations({ problem: validateProblem(input), plan })).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  it('give each unplaced job the reason its facts call for', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, async (input) => {
        const plan = await planJobs(input);
        const problem = validateProblem(input);
        const startDay = parseDay(problem.horizon.start) as number;
        for (const u of plan.unplaced) {
          const job = problem.jobs.find((j) => j.id === u.jobId)!;
          const skilled = problem.workshops.some((w) => w.skills.includes(job.skill));
          const window = allowedWeeks({
            startDay,
            weeks: problem.horizon.weeks,
            releaseDay: parseDay(job.releaseDate) as number,
            dueDay: parseDay(job.dueDate) as number,
          });
          if (!skilled) expect(u.reason).toBe('no-skill');
          else if (!window) expect(u.reason).toBe('deadline');
          else expect(['capacity', 'lot-or-split']).toContain(u.reason);
        }
        const demanded = plan.metrics.unitsDemanded;
        expect(plan.status === 'infeasible').toBe(demanded > 0 && plan.metrics.unitsOnTime === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('are the same for the same input, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, fc.integer(), async (input, seed) => {
        const first = await planJobs(input);
        const again = await planJobs(structuredClone(input));
        expect(withoutTiming(again)).toBe(withoutTiming(first));
        const shuffled = { ...input, jobs: shuffle(input.jobs, seed), workshops: shuffle(input.workshops, seed + 1) };
        expect(withoutTiming(await planJobs(shuffled))).toBe(withoutTiming(first));
      }),
      { numRuns: 100 },
    );
  });
});

function shuffle<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
