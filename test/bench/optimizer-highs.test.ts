import { describe, expect, it } from 'vitest';

import {
  findPlanViolations,
  type AllocationPlan,
  planJobs,
  type Problem,
  type ProblemInput,
  validateProblem,
} from '../../optimizer';
import { solveAggregateFlow } from '../../optimizer/aggregate-flow';
import { buildAggregateNetwork } from '../../optimizer/aggregate-network';
import { PlacementLedger } from '../../optimizer/placement-ledger';
import { buildPlanningInstance } from '../../optimizer/planning-instance';
import { generatePlanningProblem, type InstanceSettings } from './optimizer-instances';
import { solveReference } from './optimizer-reference';

// The optimizer against HiGHS, the reference solver (a dev dependency used only here and in the
// benchmark). The aggregate model must reach exactly the direct LP's optimum; the integer plan
// must come close to HiGHS's integer optimum.

/** Lots of 1 and unlimited splits: the direct model's own rules, so optima are comparable. */
function withoutLotRules(input: ProblemInput): ProblemInput {
  return { ...input, jobs: input.jobs.map((job) => ({ ...job, minLot: 1, maxSplit: null })) };
}

function aggregateOptimum(problem: Problem) {
  const instance = buildPlanningInstance(problem);
  const solution = solveAggregateFlow(buildAggregateNetwork(instance, new PlacementLedger(instance)));
  let units = 0;
  let weightedUnits = 0;
  instance.jobs.forEach((facts, j) => {
    const served = solution.servedMinutes[j] / facts.job.minutesPerUnit;
    units += served;
    weightedUnits += facts.job.priority * served;
  });
  return { units, weightedUnits };
}

function weightedPlanUnits(problem: Problem, plan: AllocationPlan) {
  const priority = new Map(problem.jobs.map((job) => [job.id, job.priority]));
  return plan.assignments.reduce((sum, a) => sum + a.quantity * priority.get(a.jobId)!, 0);
}

const smallSettings = (seed: number): InstanceSettings => ({
  seed,
  workshops: 2 + (seed % 11),
  jobs: 3 + ((seed * 7) % 70),
  weeks: 1 + (seed % 4),
  load: 0.4 + (seed % 6) * 0.25,
  lots: 'small',
});

describe('the aggregate model against HiGHS on the direct model', () => {
  it('reaches exactly the direct LP optimum on random small instances', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const problem = validateProblem(withoutLotRules(generatePlanningProblem(smallSettings(seed))));
      const direct = await solveReference(problem, { model: 'direct' });
      expect(direct.status, `seed ${seed}`).toBe('optimal');
      const aggregate = aggregateOptimum(problem);
      expect(aggregate.weightedUnits, `seed ${seed}`).toBeCloseTo(direct.weightedUnits, 6);
      expect(aggregate.units, `seed ${seed}`).toBeCloseTo(direct.units, 6);
    }
  });

  it('reaches the pooled LP optimum on a mid-size instance with every kind of window', async () => {
    const input = generatePlanningProblem({ seed: 7, workshops: 80, jobs: 600, weeks: 4, load: 1.2, lots: 'small' });
    const problem = validateProblem(withoutLotRules(input));
    const pooled = await solveReference(problem, { model: 'pooled' });
    expect(pooled.status).toBe('optimal');
    const aggregate = aggregateOptimum(problem);
    expect(aggregate.weightedUnits / pooled.weightedUnits).toBeCloseTo(1, 9);
    expect(aggregate.units / pooled.units).toBeCloseTo(1, 9);
  });
});

describe('integer plans against HiGHS', () => {
  it('come within 0.5% of the integer optimum and never beat the LP bound', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const input = withoutLotRules(
        generatePlanningProblem({ ...smallSettings(seed), workshops: 2 + (seed % 5), jobs: 4 + (seed % 14) }),
      );
      const problem = validateProblem(input);
      const plan = await planJobs(input);
      expect(findPlanViolations({ problem, plan })).toEqual([]);
      const achieved = weightedPlanUnits(problem, plan);
      const lp = await solveReference(problem, { model: 'direct' });
      expect(achieved).toBeLessThanOrEqual(lp.weightedUnits + 1e-6);
      const mip = await solveReference(problem, { model: 'direct', integer: true, timeLimitSeconds: 10 });
      if (mip.status !== 'optimal') continue;
      compared += 1;
      // HiGHS stops at a 0.01% relative MIP gap, so its "optimum" may be a hair below ours.
      expect(achieved, `seed ${seed}`).toBeGreaterThanOrEqual(mip.weightedUnits * 0.995 - 1e-6);
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });
});
