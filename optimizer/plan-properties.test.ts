import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allowedWeeks, formatDay, parseDay } from './calendar';
import { findPlanViolations, planJobs, validateProblem } from './index';
import { type AllocationPlan, type ProblemInput } from './types';

// Random problems, checked against the hard rules by an independent verifier (verify-plan.ts),
// plus the promises about reasons, status and determinism.

const SKILLS = ['brass-casting', 'horn-carving', 'ceramic-beads'];
const STARTS = ['2026-11-23', '2026-12-28', '2027-03-01'];

const workshopArbitrary = (weeks: number) =>
  fc.record({
    skills: fc.subarray(SKILLS, { minLength: 1 }),
    artisans: fc.integer({ min: 1, max: 9 }),
    capacityMinutes: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })), {
      minLength: weeks,
      maxLength: weeks,
    }),
  });

const jobArbitrary = fc.record({
  // 'bone-carving' is never a workshop skill: exercises the no-skill reason.
  skill: fc.constantFrom(...SKILLS, 'bone-carving'),
  quantity: fc.integer({ min: 1, max: 200 }),
  minutesPerUnit: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constantFrom(2.5, 12.5, 7.25)),
  pieceRateCents: fc.integer({ min: 0, max: 20_000 }),
  dueOffset: fc.integer({ min: 0, max: 27 }),
  releaseOffset: fc.option(fc.integer({ min: -3, max: 20 }), { nil: undefined }),
  priority: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
  minLot: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  maxSplit: fc.option(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(null)), { nil: undefined }),
});

export const problemArbitrary = fc
  .record({ start: fc.constantFrom(...STARTS), weeks: fc.integer({ min: 1, max: 3 }), fairness: fc.boolean() })
  .chain(({ start, weeks, fairness }) =>
    fc
      .record({
        workshops: fc.array(workshopArbitrary(weeks), { minLength: 0, maxLength: 6 }),
        jobs: fc.array(jobArbitrary, { minLength: 0, maxLength: 12 }),
      })
      .map(({ workshops, jobs }): ProblemInput => {
        const startDay = parseDay(start) as number;
        return {
          horizon: { start, weeks },
          workshops: workshops.map((w, i) => ({ id: `W${String(i + 1).padStart(2, '0')}`, ...w })),
          jobs: jobs.map(({ dueOffset, releaseOffset, ...job }, i) => ({
            id: `J${String(i + 1).padStart(2, '0')}`,
            ...job,
            dueDate: formatDay(startDay + dueOffset),
            ...(releaseOffset === undefined
              ? {}
              : { releaseDate: formatDay(startDay + Math.min(releaseOffset, dueOffset)) }),
          })),
          options: { timeLimitMs: 10_000, fairness },
        };
      }),
  );

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
