import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { weightedUnits } from './fulfilment-bound';
import { findPlanViolations, planJobs, validateProblem } from './index';
import { problemArbitrary } from './random-problems.fixtures';
import {
  type CommittedAssignment,
  diffAssignments,
  type IncrementalReplan,
  type PlanCell,
  type PlanChange,
  replanIncrementally,
} from './replan-incrementally';
import { type ProblemInput } from './types';

// The incremental re-plan against a committed plan: nothing moves without a gain in
// priority-weighted units, fulfilment is at least a full re-plan's, and the planner's pins hold.

/** A random problem with its plan committed, and a change: new orders, one cancelled, or one workshop-week's capacity cut. */
const changedProblemArbitrary = problemArbitrary
  .filter((input) => input.workshops.length > 0)
  .chain((input) =>
    fc.record({
      input: fc.constant(input),
      change: fc.oneof(
        fc.record({
          kind: fc.constant('orders' as const),
          jobs: fc.array(
            fc.record({
              skill: fc.constantFrom('brass-casting', 'horn-carving', 'ceramic-beads'),
              quantity: fc.integer({ min: 1, max: 120 }),
              minutesPerUnit: fc.integer({ min: 1, max: 60 }),
              dueOffset: fc.integer({ min: 0, max: 27 }),
              priority: fc.constantFrom(1, 2, 3),
            }),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        fc.record({ kind: fc.constant('cancel' as const), job: fc.nat() }),
        fc.record({
          kind: fc.constant('capacity' as const),
          workshop: fc.nat({ max: input.workshops.length - 1 }),
          week: fc.nat({ max: input.horizon.weeks - 1 }),
          share: fc.constantFrom(0, 0.25, 0.5),
        }),
      ),
    }),
  );

function applyChange({ input, change }: Changed): ProblemInput {
  if (change.kind === 'cancel') {
    return { ...input, jobs: input.jobs.filter((_, j) => j !== change.job % input.jobs.length) };
  }
  if (change.kind === 'capacity') {
    return {
      ...input,
      workshops: input.workshops.map((workshop, w) =>
        w === change.workshop
          ? {
              ...workshop,
              capacityMinutes: workshop.capacityMinutes.map((m, t) =>
                t === change.week ? Math.floor(m * change.share) : m,
              ),
            }
          : workshop,
      ),
    };
  }
  const start = Date.parse(`${input.horizon.start}T00:00:00Z`);
  return {
    ...input,
    jobs: [
      ...input.jobs,
      ...change.jobs.map(({ dueOffset, ...job }, i) => ({
        id: `NEW${i + 1}`,
        ...job,
        pieceRateCents: 1000,
        dueDate: new Date(start + dueOffset * 86_400_000).toISOString().slice(0, 10),
      })),
    ],
  };
}

type Changed = typeof changedProblemArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * Moves that no chain needed: committed units leaving a workshop-week that no other job gained
 * units in (work leaves a cell only to make room there), unless the change itself (the `forced`
 * cell, whose capacity dropped) pushed it out.
 */
function unneededMoves({
  committed,
  replan,
  forced,
}: {
  committed: readonly CommittedAssignment[];
  replan: IncrementalReplan;
  forced?: PlanCell;
}): PlanChange[] {
  const units = (list: readonly CommittedAssignment[]) =>
    new Map(list.map((a) => [`${a.jobId}|${a.workshopId}|${a.week}`, a.quantity]));
  const [before, after] = [units(committed), units(replan.plan.assignments)];
  const gainedIn = (cell: PlanCell, mover: string) =>
    replan.plan.assignments.some(
      (a) =>
        a.jobId !== mover &&
        a.workshopId === cell.workshopId &&
        a.week === cell.week &&
        a.quantity > (before.get(`${a.jobId}|${a.workshopId}|${a.week}`) ?? 0),
    );
  void after;
  return replan.changes.filter(
    (change) =>
      change.from !== null &&
      !(forced && change.from.workshopId === forced.workshopId && change.from.week === forced.week) &&
      !gainedIn(change.from, change.jobId),
  );
}

describe('the incremental re-plan', () => {
  it('moves nothing when nothing changed unless the move places more, and never places less', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary, async (input) => {
        const committed = (await planJobs(input)).assignments;
        const replan = await replanIncrementally({ problem: input, committed });
        expect(replan.basis).toBe('kept');
        // Anything listed is there because it places more: new work where planJobs' own rounding
        // had left placeable units out, and committed work moved only to make room for it.
        const problem = validateProblem(input);
        const [achieved, before] = [replan.plan, { assignments: committed }].map((plan) =>
          weightedUnits({ problem, assignments: plan.assignments }),
        );
        if (replan.changes.length > 0) expect(achieved).toBeGreaterThan(before);
        else expect(achieved).toBe(before);
        expect(unneededMoves({ committed, replan })).toEqual([]);
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
  });

  it('after new orders, a cancellation or a capacity cut: fulfils at least as a full re-plan, moving committed work only to place more', async () => {
    const runs = Number(process.env.RUNS ?? 80);
    let freshTaken = 0;
    await fc.assert(
      fc.asyncProperty(changedProblemArbitrary, async (changed) => {
        const committed = (await planJobs(changed.input)).assignments;
        const input = applyChange(changed);
        const problem = validateProblem(input);
        const replan = await replanIncrementally({ problem: input, committed });
        expect(findPlanViolations({ problem, plan: replan.plan })).toEqual([]);

        const full = await planJobs(input);
        const achieved = weightedUnits({ problem, assignments: replan.plan.assignments });
        expect(achieved).toBeGreaterThanOrEqual(weightedUnits({ problem, assignments: full.assignments }));

        if (replan.basis === 'fresh') freshTaken++;
        if (replan.basis === 'kept') {
          const forced =
            changed.change.kind === 'capacity'
              ? { workshopId: changed.input.workshops[changed.change.workshop].id, week: changed.change.week }
              : undefined;
          expect(unneededMoves({ committed, replan, forced })).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
    // The kept plan and its moves reach that by themselves on about 99% of these problems (23 of
    // 3,000 took the fresh plan; see CHEAP_FRESH_PLAN): the fresh plan must not be what carries it.
    expect(freshTaken).toBeLessThanOrEqual(Math.max(4, runs / 50));
  });

  it('keeps the planner’s pins, or explains them as planJobs does', async () => {
    await fc.assert(
      fc.asyncProperty(
        problemArbitrary.filter((input) => input.workshops.length > 0 && input.jobs.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        async (input, seed, quantity) => {
          const committed = (await planJobs(input)).assignments;
          const job = input.jobs[seed % input.jobs.length];
          const workshop = input.workshops[seed % input.workshops.length];
          const week = seed % input.horizon.weeks;
          const pinned: ProblemInput = {
            ...input,
            jobs: input.jobs.map((j) =>
              j === job ? { ...j, pins: [{ workshopId: workshop.id, week, quantity }] } : j,
            ),
          };
          const replan = await replanIncrementally({ problem: pinned, committed });
          expect(findPlanViolations({ problem: validateProblem(pinned), plan: replan.plan })).toEqual([]);
          const conflict = replan.plan.pinConflicts.find((c) => c.jobId === job.id);
          if (!conflict) {
            const cell = replan.plan.assignments.find(
              (a) => a.jobId === job.id && a.workshopId === workshop.id && a.week === week,
            );
            expect(cell?.quantity).toBeGreaterThanOrEqual(quantity);
            expect(cell?.pinned).toBe(quantity);
          } else {
            expect(conflict.quantity).toBe(quantity);
          }
          expect(replan.plan.assignments.filter((a) => a.pinned && a.jobId !== job.id)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lists moves, new work and dropped work, and nothing that stays', () => {
    const before = [
      { jobId: 'J1', workshopId: 'W1', week: 0, quantity: 10 },
      { jobId: 'J2', workshopId: 'W1', week: 1, quantity: 5 },
      { jobId: 'J3', workshopId: 'W2', week: 0, quantity: 4 },
    ];
    const after = [
      { jobId: 'J1', workshopId: 'W1', week: 0, quantity: 6 },
      { jobId: 'J1', workshopId: 'W2', week: 1, quantity: 4 },
      { jobId: 'J2', workshopId: 'W1', week: 1, quantity: 5 },
      { jobId: 'J4', workshopId: 'W2', week: 0, quantity: 7 },
    ];
    expect(diffAssignments({ before, after })).toEqual([
      { jobId: 'J1', from: { workshopId: 'W1', week: 0 }, to: { workshopId: 'W2', week: 1 }, units: 4 },
      { jobId: 'J3', from: { workshopId: 'W2', week: 0 }, to: null, units: 4 },
      { jobId: 'J4', from: null, to: { workshopId: 'W2', week: 0 }, units: 7 },
    ]);
  });
});
