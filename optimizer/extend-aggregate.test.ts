import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { solveAggregateFlow } from './aggregate-flow';
import { buildAggregateNetwork, extendAggregateNetwork } from './aggregate-network';
import { validateProblem } from './index';
import { PlacementLedger } from './placement-ledger';
import { appendJobs, buildPlanningInstance } from './planning-instance';
import { problemArbitrary } from './random-problems.fixtures';
import { type Problem } from './types';

// Serving some jobs, then carrying the flow on with more (the capacity check's way of asking
// "and these too?") gives every job what one pass serving them in that order gives.

/** Minutes served per job id when `later` are served after every job of `problem`, in one pass. */
function servedInOnePass(problem: Problem, later: Problem['jobs']): Map<string, number> {
  const instance = buildPlanningInstance({ ...problem, jobs: [...problem.jobs, ...later] });
  const network = buildAggregateNetwork(instance, new PlacementLedger(instance));
  const isLater = (j: number) => later.some((job) => job.id === instance.jobs[j].job.id);
  const serviceOrder = [...network.serviceOrder.filter((j) => !isLater(j)), ...network.serviceOrder.filter(isLater)];
  const solution = solveAggregateFlow({ ...network, serviceOrder });
  return new Map(instance.jobs.map((facts, j) => [facts.job.id, solution.servedMinutes[j]]));
}

function servedCarriedOn(problem: Problem, later: Problem['jobs']): Map<string, number> {
  const base = buildPlanningInstance(problem);
  const ledger = new PlacementLedger(base);
  const baseNetwork = buildAggregateNetwork(base, ledger);
  const baseSolution = solveAggregateFlow(baseNetwork);
  const instance = appendJobs(base, later);
  const network = extendAggregateNetwork({
    instance,
    network: baseNetwork,
    remaining: { free: (w, t) => ledger.free(w, t), unplaced: (j) => instance.jobs[j].job.quantity },
  });
  const solution = solveAggregateFlow(network, baseSolution);
  // The base is left as it was: solving it again gives the same.
  expect(Array.from(solveAggregateFlow(baseNetwork).servedMinutes)).toEqual(Array.from(baseSolution.servedMinutes));
  return new Map(instance.jobs.map((facts, j) => [facts.job.id, solution.servedMinutes[j]]));
}

describe('carrying the aggregate flow on with appended jobs', () => {
  it('serves every job as one pass with the appended jobs last does', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 1, max: 4 }), (input, laterCount) => {
        const checked = validateProblem(input);
        const jobs = checked.jobs.map((job) => ({ ...job, pins: [] }));
        const skills = new Set(checked.workshops.flatMap((workshop) => workshop.skills));
        const cut = Math.max(0, jobs.length - laterCount);
        const later = jobs.slice(cut).filter((job) => skills.has(job.skill));
        const problem = { ...checked, jobs: jobs.slice(0, cut) };
        // A skill only the later jobs ask for is not in the base instance: those are left out.
        const known = new Set([...skills, ...problem.jobs.map((job) => job.skill)]);
        const asked = later.filter((job) => known.has(job.skill));
        const once = servedInOnePass(problem, asked);
        const carried = servedCarriedOn(problem, asked);
        for (const [id, minutes] of once) expect(carried.get(id)).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 150 },
    );
  });
});
