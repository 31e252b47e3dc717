import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { solveAggregateFlow } from './aggregate-flow';
import { type CarriedAggregate, carryOnInPlace, copyAggregate } from './aggregate-in-place';
import { buildAggregateNetwork, extendAggregateNetwork, type RemainingWork } from './aggregate-network';
import { validateProblem } from './index';
import { PlacementLedger } from './placement-ledger';
import { appendJobs, buildPlanningInstance } from './planning-instance';
import { problemArbitrary } from './random-problems.fixtures';
import { type Job } from './types';

// Carrying the flow on in place (and undoing it) must be indistinguishable from the copying way:
// the same served minutes, and after the undo the very same instance, network and solution.

/** Everything of an aggregate as plain values, typed arrays as arrays of their own length. */
function snapshot({ instance, network, solution }: CarriedAggregate) {
  return {
    jobs: instance.jobs.map((facts) => ({ ...facts, forbidden: facts.forbidden && [...facts.forbidden] })),
    classes: network.classes.map((demandClass) => ({
      ...demandClass,
      arcs: [...demandClass.arcs],
      jobs: [...demandClass.jobs],
    })),
    arcs: network.arcs.map((arc) => ({ ...arc })),
    arcsOfNode: network.arcsOfNode.map((arcs) => [...arcs]),
    nodeCapacity: Array.from(network.nodeCapacity),
    supplyMinutes: Array.from(network.supplyMinutes),
    serviceOrder: [...network.serviceOrder],
    classOfJob: Array.from(network.classOfJob),
    arcFlow: Array.from(solution.arcFlow),
    nodeLoad: Array.from(solution.nodeLoad),
    servedMinutes: Array.from(solution.servedMinutes),
    classMinutes: Array.from(solution.classMinutes),
  };
}

/** The base jobs served, and the later ones as batches (each batch one question or one promise). */
const scenario = fc.record({
  input: problemArbitrary,
  cuts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
  kept: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
});

describe('carrying the aggregate flow on in place', () => {
  it('serves as the copying way does, and its undo leaves everything exactly as it was', () => {
    fc.assert(
      fc.property(scenario, ({ input, cuts, kept }) => {
        const checked = validateProblem(input);
        const skills = new Set(checked.workshops.flatMap((workshop) => workshop.skills));
        const jobs = checked.jobs.map((job) => ({ ...job, pins: [] }));
        const later = jobs.filter((job) => skills.has(job.skill)).slice(-cuts.reduce((sum, cut) => sum + cut, 0));
        const base = buildPlanningInstance({ ...checked, jobs: jobs.filter((job) => !later.includes(job)) });
        const known = new Set(base.skills);
        const ledger = new PlacementLedger(base);
        const network = buildAggregateNetwork(base, ledger);
        const served: CarriedAggregate = { instance: base, network, solution: solveAggregateFlow(network) };
        const inPlace = copyAggregate(served);
        let copied = served;
        let start = 0;
        cuts.forEach((cut, batch) => {
          const asked: Job[] = later.slice(start, start + cut).filter((job) => known.has(job.skill));
          start += cut;
          const remaining: RemainingWork = {
            free: (w, t) => ledger.free(w, t),
            unplaced: (j) => inPlace.instance.jobs[j].job.quantity,
          };
          const before = snapshot(inPlace);
          const fullBefore = [...(inPlace.fullClasses ?? [])];
          const undo = carryOnInPlace({ aggregate: inPlace, remaining, jobs: asked });
          // The copying way, on its own copies.
          const instance = appendJobs(copied.instance, asked);
          const extended = extendAggregateNetwork({
            instance,
            network: copied.network,
            remaining: { ...remaining, unplaced: (j) => instance.jobs[j].job.quantity },
          });
          const next = { instance, network: extended, solution: solveAggregateFlow(extended, copied.solution) };
          expect(snapshot(inPlace)).toEqual(snapshot(next));
          if (kept[batch]) copied = next;
          else {
            undo();
            expect(snapshot(inPlace)).toEqual(before);
            expect([...(inPlace.fullClasses ?? [])]).toEqual(fullBefore);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('copies share nothing that carrying on changes', () => {
    const checked = validateProblem({
      horizon: { start: '2026-01-05', weeks: 2 },
      workshops: [{ id: 'W1', skills: ['weaving'], artisans: 1, capacityMinutes: [600, 600] }],
      jobs: [
        { id: 'A', skill: 'weaving', quantity: 10, minutesPerUnit: 30, pieceRateCents: 100, dueDate: '2026-01-16' },
      ],
    });
    const instance = buildPlanningInstance(checked);
    const network = buildAggregateNetwork(instance, new PlacementLedger(instance));
    const served: CarriedAggregate = { instance, network, solution: solveAggregateFlow(network) };
    const before = snapshot(served);
    const copy = copyAggregate(served);
    carryOnInPlace({
      aggregate: copy,
      remaining: { free: () => 0, unplaced: (j) => copy.instance.jobs[j].job.quantity },
      jobs: [{ ...checked.jobs[0], id: 'B', quantity: 20 }],
    });
    // Due before the second week ends, both have the first week only: B gets what A left of it.
    expect(Array.from(copy.solution.servedMinutes)).toEqual([300, 300]);
    expect(snapshot(served)).toEqual(before);
  });
});
