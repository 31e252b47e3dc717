import { setImmediate as nextTurn } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { type ProblemInput } from '../../optimizer';
import { copyAggregate } from '../../optimizer/aggregate-in-place';
import { type NewDemand, serveNewDemand } from './serve-new-demand';
import { serveOpenOrders, serveOpenOrdersInBackground } from './serve-open-orders';

/** More open jobs than one step checks, on three workshops that cannot make them all. */
function busyNetwork(): ProblemInput {
  const skills = ['brass-casting', 'beading'];
  return {
    horizon: { start: '2026-03-02', weeks: 6 },
    workshops: ['W1', 'W2', 'W3'].map((id, index) => ({
      id,
      skills: index === 2 ? skills : [skills[index]],
      artisans: 2,
      capacityMinutes: Array.from({ length: 6 }, () => 3_000),
    })),
    jobs: Array.from({ length: 4_500 }, (_, index) => ({
      id: `ORD-${index} / SKU-${index % 7}`,
      skill: skills[index % 2],
      quantity: 1 + (index % 5),
      minutesPerUnit: 30 + (index % 4) * 10,
      pieceRateCents: 15_000,
      dueDate: `2026-03-${String(6 + (index % 4) * 7).padStart(2, '0')}`,
      priority: (1 + (index % 3)) as 1 | 2 | 3,
      minLot: 1,
    })),
  };
}

describe('serving the open orders', () => {
  it('serves them the same whether the event loop gets turns between the steps or not', async () => {
    const once = serveOpenOrders({ problem: busyNetwork(), movableDays: 0 });
    let turns = 0;
    let counting = true;
    const count = async () => {
      while (counting) {
        turns += 1;
        await nextTurn();
      }
    };
    const counted = count();
    const inSteps = await serveOpenOrdersInBackground({ problem: busyNetwork(), movableDays: 0 });
    counting = false;
    await counted;

    expect(inSteps.solution.servedMinutes).toEqual(once.solution.servedMinutes);
    expect(inSteps.solution.arcFlow).toEqual(once.solution.arcFlow);
    // The network is full: some open orders get less than all they ask.
    const asked = inSteps.instance.jobs.map(({ job }) => job.quantity * job.minutesPerUnit);
    expect(inSteps.solution.servedMinutes.some((minutes, job) => minutes < asked[job])).toBe(true);
    // Three chunks of jobs checked, the instance, its network and the flow: a turn between each.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('serves a network once, however many ask for it while it is being served', async () => {
    const problem = busyNetwork();
    const [first, second] = await Promise.all([
      serveOpenOrdersInBackground({ problem, movableDays: 0 }),
      serveOpenOrdersInBackground({ problem, movableDays: 0 }),
    ]);
    expect(second).toBe(first);
    expect(serveOpenOrders({ problem, movableDays: 0 })).toBe(first);
  });

  it('knows the classes found full while serving, and answers new demand the same as without knowing them', () => {
    const served = serveOpenOrders({ problem: busyNetwork(), movableDays: 0 });
    expect(served.fullClasses?.size).toBeGreaterThan(0);
    // A full class is one some of whose jobs wanted more than they got.
    for (const c of served.fullClasses ?? []) {
      const jobs = served.network.classes[c].jobs;
      expect(jobs.some((j) => served.solution.servedMinutes[j] < served.network.supplyMinutes[j] - 1e-6)).toBe(true);
    }
    const demand: NewDemand[] = ['brass-casting', 'beading'].flatMap((skill) =>
      ['2026-03-06', '2026-03-27', '2026-04-10'].map((dueDate) => ({
        skill,
        quantity: 40,
        minutesPerUnit: 30,
        pieceRateCents: 15_000,
        dueDate,
        minLot: 1,
      })),
    );
    const problem = busyNetwork();
    const knowing = serveNewDemand({ problem, demand, served: copyAggregate(served) });
    const searching = serveNewDemand({ problem, demand, served: { ...copyAggregate(served), fullClasses: new Set() } });
    expect(knowing.lines).toEqual(searching.lines);
    // Some lines find room and some do not: the answer depends on which classes are full.
    expect(searching.lines.some((line) => line.units > 0)).toBe(true);
    expect(searching.lines.some((line) => line.units < 40)).toBe(true);
  });
});
