import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allowedWeeks, parseDay } from './calendar';
import { findPlanViolations, planJobs, ProblemValidationError, validateProblem } from './index';
import { problemArbitrary } from './random-problems.fixtures';
import { type ProblemInput } from './types';

// A planner's pins and ruled-out workshops: never violated, every pin that cannot hold explained
// with the reason its facts call for, and bad pins refused by name.

/** Random pins and ruled-out workshops on a random problem, naming its own workshops and weeks. */
const pinnedProblemArbitrary = problemArbitrary
  .filter((input) => input.workshops.length > 0 && input.jobs.length > 0)
  .chain((input) =>
    fc
      .array(
        fc.record({
          pins: fc.uniqueArray(
            fc.record({
              workshop: fc.nat({ max: input.workshops.length - 1 }),
              week: fc.nat({ max: input.horizon.weeks - 1 }),
              quantity: fc.integer({ min: 1, max: 80 }),
            }),
            { maxLength: 3, selector: (pin) => `${pin.workshop}/${pin.week}` },
          ),
          forbidden: fc.uniqueArray(fc.nat({ max: input.workshops.length - 1 }), { maxLength: 2 }),
        }),
        { minLength: input.jobs.length, maxLength: input.jobs.length },
      )
      .map((levers): ProblemInput => ({
        ...input,
        jobs: input.jobs.map((job, j) => ({
          ...job,
          pins: levers[j].pins.map((pin) => ({
            workshopId: input.workshops[pin.workshop].id,
            week: pin.week,
            quantity: pin.quantity,
          })),
          forbiddenWorkshops: levers[j].forbidden.map((w) => input.workshops[w].id),
        })),
      })),
  );

describe('pins and ruled-out workshops', () => {
  it('are never violated, and every pin left out is explained by its facts', async () => {
    await fc.assert(
      fc.asyncProperty(pinnedProblemArbitrary, async (input) => {
        const plan = await planJobs(input);
        const problem = validateProblem(input);
        expect(findPlanViolations({ problem, plan })).toEqual([]);
        const startDay = parseDay(problem.horizon.start) as number;
        for (const conflict of plan.pinConflicts) {
          const job = problem.jobs.find((j) => j.id === conflict.jobId)!;
          const workshop = problem.workshops.find((w) => w.id === conflict.workshopId)!;
          const window = allowedWeeks({
            startDay,
            weeks: problem.horizon.weeks,
            releaseDay: parseDay(job.releaseDate) as number,
            dueDay: parseDay(job.dueDate) as number,
          });
          const inWindow = window !== null && conflict.week >= window.first && conflict.week <= window.last;
          const expected = !workshop.skills.includes(job.skill)
            ? 'skill'
            : job.forbiddenWorkshops.includes(workshop.id)
              ? 'forbidden'
              : !inWindow
                ? 'week'
                : null;
          if (expected) expect(conflict.reason).toBe(expected);
          else expect(['quantity', 'split', 'capacity']).toContain(conflict.reason);
          if (conflict.reason === 'capacity') expect(conflict.quantity * job.minutesPerUnit).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keep the whole of a plan when every assignment of it is pinned', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, async (input) => {
        const first = await planJobs(input);
        const pinned: ProblemInput = {
          ...input,
          jobs: input.jobs.map((job) => ({
            ...job,
            pins: first.assignments
              .filter((a) => a.jobId === job.id)
              .map((a) => ({ workshopId: a.workshopId, week: a.week, quantity: a.quantity })),
          })),
        };
        const again = await planJobs(pinned);
        expect(again.pinConflicts).toEqual([]);
        expect(again.metrics.unitsOnTime).toBeGreaterThanOrEqual(first.metrics.unitsOnTime);
        expect(findPlanViolations({ problem: validateProblem(pinned), plan: again })).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('pin conflicts, in the planner’s words', () => {
  const base: ProblemInput = {
    horizon: { start: '2026-11-23', weeks: 2 },
    workshops: [
      { id: 'W1', skills: ['brass-casting'], artisans: 3, capacityMinutes: [600, 600] },
      { id: 'W2', skills: ['brass-casting'], artisans: 3, capacityMinutes: [600, 600] },
      { id: 'W3', skills: ['horn-carving'], artisans: 3, capacityMinutes: [600, 600] },
    ],
    jobs: [
      {
        id: 'J1',
        skill: 'brass-casting',
        quantity: 40,
        minutesPerUnit: 20,
        pieceRateCents: 5000,
        dueDate: '2026-11-29',
      },
    ],
  };
  const withJob = (extra: Partial<ProblemInput['jobs'][number]>): ProblemInput => ({
    ...base,
    jobs: [{ ...base.jobs[0], ...extra }],
  });

  it('keeps a pin that fits, and plans the rest of the job around it', async () => {
    const plan = await planJobs(withJob({ pins: [{ workshopId: 'W2', week: 0, quantity: 3 }] }));
    expect(plan.pinConflicts).toEqual([]);
    expect(plan.assignments.find((a) => a.workshopId === 'W2')).toMatchObject({
      quantity: expect.any(Number),
      pinned: 3,
    });
    expect(plan.metrics.unitsOnTime).toBe(40);
  });

  it('explains pinned work beyond the workshop’s week', async () => {
    const plan = await planJobs(withJob({ pins: [{ workshopId: 'W1', week: 0, quantity: 31 }] }));
    expect(plan.pinConflicts).toEqual([
      expect.objectContaining({ reason: 'capacity', detail: '31 units need 620 minutes; W1 has 600 free in 2026-W48' }),
    ]);
    expect(
      findPlanViolations({
        problem: validateProblem(withJob({ pins: [{ workshopId: 'W1', week: 0, quantity: 31 }] })),
        plan,
      }),
    ).toEqual([]);
  });

  it('explains a pin past the due date and a pin to a workshop without the skill', async () => {
    const plan = await planJobs(
      withJob({
        pins: [
          { workshopId: 'W1', week: 1, quantity: 5 },
          { workshopId: 'W3', week: 0, quantity: 5 },
        ],
      }),
    );
    expect(plan.pinConflicts.map((c) => [c.workshopId, c.reason])).toEqual([
      ['W3', 'skill'],
      ['W1', 'week'],
    ]);
    expect(plan.pinConflicts.find((c) => c.reason === 'week')!.detail).toBe(
      '2026-W49 ends on 2026-12-06, after the job is due (2026-11-29); pin it to an earlier week or move the due date',
    );
  });

  it('never gives a ruled-out workshop any of the job', async () => {
    const plan = await planJobs(withJob({ forbiddenWorkshops: ['W1'] }));
    expect(plan.assignments.map((a) => a.workshopId)).toEqual(['W2']);
    expect(plan.metrics.unitsOnTime).toBe(30);
  });

  it('refuses a bad pin by naming it', () => {
    const bad = withJob({
      pins: [
        { workshopId: 'W9', week: 0, quantity: 1 },
        { workshopId: 'W1', week: 4, quantity: 1 },
      ],
      forbiddenWorkshops: ['nowhere'],
    });
    expect(() => validateProblem(bad)).toThrow(ProblemValidationError);
    try {
      validateProblem(bad);
    } catch (error) {
      expect((error as ProblemValidationError).issues.map((issue) => `${issue.subject}: ${issue.message}`)).toEqual([
        "job J1 (jobs[0]): pins[0]: 'W9' is not a workshop of this problem",
        'job J1 (jobs[0]): pins[1]: week 4 is outside the horizon of 2 weeks (0–1)',
        "job J1 (jobs[0]): forbiddenWorkshops[0]: 'nowhere' is not a workshop of this problem",
      ]);
    }
  });
});
