import { describe, expect, it } from 'vitest';

import { findPlanViolations, planJobs, validateProblem } from './index';
import { type AllocationPlan, type ProblemInput } from './types';

const input: ProblemInput = {
  horizon: { start: '2026-11-23', weeks: 2 },
  workshops: [
    { id: 'W001', skills: ['horn-carving'], artisans: 2, capacityMinutes: [1000, 1000] },
    { id: 'W002', skills: ['horn-carving'], artisans: 2, capacityMinutes: [1000, 1000] },
    { id: 'W003', skills: ['ceramic-beads'], artisans: 2, capacityMinutes: [1000, 1000] },
  ],
  jobs: [
    {
      id: 'J001',
      skill: 'horn-carving',
      quantity: 60,
      minutesPerUnit: 20,
      pieceRateCents: 5000,
      dueDate: '2026-12-06',
      minLot: 10,
      maxSplit: 1,
    },
    {
      id: 'J002',
      skill: 'ceramic-beads',
      quantity: 30,
      minutesPerUnit: 10,
      pieceRateCents: 2000,
      dueDate: '2026-11-29',
    },
  ],
};

describe('findPlanViolations', () => {
  it('accepts the plan the optimizer makes', async () => {
    const plan = await planJobs(input);
    expect(findPlanViolations({ problem: validateProblem(input), plan })).toEqual([]);
  });

  it('catches every kind of broken rule in an edited plan', async () => {
    const problem = validateProblem(input);
    const plan: AllocationPlan = structuredClone(await planJobs(input));
    plan.assignments = [
      { jobId: 'J001', workshopId: 'W001', week: 0, quantity: 55 }, // 1,100 minutes > 1,000
      { jobId: 'J001', workshopId: 'W002', week: 1, quantity: 5 }, // second workshop (maxSplit 1), below minLot 10
      { jobId: 'J002', workshopId: 'W001', week: 1, quantity: 30 }, // wrong skill, and week 1 ends after the due date
    ];
    plan.unplaced = [];
    plan.metrics.unitsOnTime = 90;
    const violations = findPlanViolations({ problem, plan });
    expect(violations).toEqual(
      expect.arrayContaining([
        'workshop W001 week 0: 1100 minutes planned, capacity 1000',
        'assignment J001/W002/week 1: 5 units is below minLot 10',
        'job J001: split over 2 workshops, maxSplit 1',
        'assignment J002/W001/week 1: workshop lacks skill ceramic-beads',
        'assignment J002/W001/week 1: week not allowed by release/due dates',
      ]),
    );
    plan.assignments = [{ jobId: 'J001', workshopId: 'W001', week: 0, quantity: 40 }];
    plan.metrics.unitsOnTime = 40;
    expect(findPlanViolations({ problem, plan })).toEqual([
      'job J001: 40 placed + 0 unplaced ≠ 60 demanded',
      'job J002: 0 placed + 0 unplaced ≠ 30 demanded',
    ]);
  });
});
