import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { findPlanViolations, planJobs, validateProblem } from './index';
import {
  type Assignment,
  type AllocationPlan,
  type AllocationStatus,
  type ProblemInput,
  type UnplacedReason,
} from './types';

// Named regression cases, small enough to check by hand: each file in cases/ holds a problem,
// a description of what should happen and why, and the expected results.

interface ExpectedUnplaced {
  jobId: string;
  quantity: number;
  reason: UnplacedReason;
  detail?: string;
  detailIncludes?: string;
}

interface PlanningCase {
  description: string;
  problem: ProblemInput;
  expected: {
    pinConflicts?: AllocationPlan['pinConflicts'];
    status?: AllocationStatus;
    assignments?: Assignment[];
    placed?: Record<string, number>;
    unplaced?: ExpectedUnplaced[];
    earningsCents?: Record<string, number>;
    maxOverMin?: number | null;
    fulfilment?: number;
  };
}

const casesDirectory = join(import.meta.dirname, 'cases');
const caseFiles = readdirSync(casesDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort();

describe('planning cases', () => {
  it('has cases to run', () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of caseFiles) {
    const planningCase = JSON.parse(readFileSync(join(casesDirectory, file), 'utf8')) as PlanningCase;

    it(`${file.replace(/\.json$/, '')}: ${planningCase.description}`, async () => {
      const plan = await planJobs(planningCase.problem);
      const { expected } = planningCase;
      expect(findPlanViolations({ problem: validateProblem(planningCase.problem), plan })).toEqual([]);
      if (expected.status) expect(plan.status).toBe(expected.status);
      if (expected.assignments) expect(plan.assignments).toEqual(expected.assignments);
      if (expected.placed) expect(placedPerJob(plan)).toEqual(expected.placed);
      if (expected.earningsCents) expect(plan.metrics.earningsCents).toEqual(expected.earningsCents);
      if (expected.maxOverMin !== undefined)
        expect(plan.metrics.earningsPerCapacityHour.maxOverMin).toBe(expected.maxOverMin);
      if (expected.fulfilment !== undefined) expect(plan.metrics.fulfilment).toBe(expected.fulfilment);
      if (expected.pinConflicts) expect(plan.pinConflicts).toEqual(expected.pinConflicts);
      if (expected.unplaced) {
        expect(plan.unplaced.map(({ jobId, quantity, reason }) => ({ jobId, quantity, reason }))).toEqual(
          expected.unplaced.map(({ jobId, quantity, reason }) => ({ jobId, quantity, reason })),
        );
        expected.unplaced.forEach((want, i) => {
          if (want.detail) expect(plan.unplaced[i].detail).toBe(want.detail);
          if (want.detailIncludes) expect(plan.unplaced[i].detail).toContain(want.detailIncludes);
        });
      }
    });
  }
});

function placedPerJob(plan: AllocationPlan): Record<string, number> {
  const placed: Record<string, number> = {};
  for (const a of plan.assignments) placed[a.jobId] = (placed[a.jobId] ?? 0) + a.quantity;
  return placed;
}
