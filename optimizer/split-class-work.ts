import { type AggregateNetwork } from './aggregate-network';
import { keepRemainderPlaceable } from './placement-ledger';
import { type PlanningInstance } from './planning-instance';

// Turns the aggregate's class minutes per (pool, week) into whole units of individual jobs per
// pool and week. Inside a class every job can go to every one of its (pool, week) nodes, so the
// jobs are laid along the nodes north-west-corner style: each job occupies a run of consecutive
// nodes (nodes of one pool are adjacent, so a job rarely leaves its pool). Which job comes next
// alternates between the best- and worst-paid ends so each pool's mix earns about the class
// average the balancing stage assumed.

export interface PoolBundle {
  job: number;
  /** Units per horizon week in this pool. */
  units: number[];
}

const EPSILON = 1e-7;

export function splitClassWork({
  instance,
  network,
  servedMinutes,
  arcFlow,
}: {
  instance: PlanningInstance;
  network: AggregateNetwork;
  servedMinutes: Float64Array;
  arcFlow: Float64Array;
}): PoolBundle[][] {
  const bundlesByPool = instance.pools.map(() => new Map<number, PoolBundle>());
  const poolsOfJob = new Map<number, Set<number>>();

  for (const demandClass of network.classes) {
    const remaining = new Map<number, number>();
    const queue: number[] = [];
    let minutesTotal = 0;
    let centsTotal = 0;
    for (const j of demandClass.jobs) {
      const units = Math.floor(servedMinutes[j] / instance.jobs[j].job.minutesPerUnit + EPSILON);
      if (units <= 0) continue;
      remaining.set(j, units);
      queue.push(j);
      minutesTotal += servedMinutes[j];
      centsTotal += servedMinutes[j] * instance.jobs[j].centsPerMinute;
    }
    if (queue.length === 0) continue;
    const classRate = centsTotal / minutesTotal;
    queue.sort((a, b) => instance.jobs[b].centsPerMinute - instance.jobs[a].centsPerMinute || a - b);
    let high = 0;
    let low = queue.length - 1;
    let current = -1;
    let poolMinutes = 0;
    let poolCents = 0;
    let lastPool = -1;

    for (const a of demandClass.arcs) {
      let budget = arcFlow[a];
      if (budget <= EPSILON) continue;
      const { pool, week } = network.arcs[a];
      if (pool !== lastPool) [poolMinutes, poolCents, lastPool] = [0, 0, pool];
      while (budget > EPSILON) {
        if (current < 0) {
          if (high > low) break;
          current = poolCents < classRate * poolMinutes ? queue[high++] : queue[low--];
        }
        const facts = instance.jobs[current];
        const used = poolsOfJob.get(current) ?? new Set<number>();
        if (!used.has(pool) && used.size >= facts.maxSplit) {
          current = -1; // its remainder is left to the fill stage, which respects maxSplit itself
          continue;
        }
        const left = remaining.get(current)!;
        const fitting = Math.min(left, Math.floor(budget / facts.job.minutesPerUnit + EPSILON));
        const units = keepRemainderPlaceable({ units: fitting, left, lotMin: facts.lotMin });
        // A piece smaller than a lot would be unplaceable; leave the node's rest unused instead.
        if (units === 0 || (units < left && units < facts.lotMin)) break;
        let bundle = bundlesByPool[pool].get(current);
        if (!bundle) {
          bundle = { job: current, units: new Array<number>(instance.weeks).fill(0) };
          bundlesByPool[pool].set(current, bundle);
        }
        bundle.units[week] += units;
        used.add(pool);
        poolsOfJob.set(current, used);
        const minutes = units * facts.job.minutesPerUnit;
        budget -= minutes;
        poolMinutes += minutes;
        poolCents += minutes * facts.centsPerMinute;
        if (units === left) {
          remaining.delete(current);
          current = -1;
        } else {
          remaining.set(current, left - units);
        }
      }
    }
  }
  return bundlesByPool.map((bundles) => [...bundles.values()].sort((a, b) => a.job - b.job));
}
