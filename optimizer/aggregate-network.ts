import { type JobFacts, type PlanningInstance } from './planning-instance';

// The aggregate model. Jobs with the same skill and the same allowed weeks form a demand class;
// workshops with the same skill set form a pool. A class may send work to a (pool, week) node
// when the pool has the skill and the week is allowed. Because all workshops of a pool can do
// exactly the same jobs, pooling their capacity loses nothing (see README: "Why pooling is exact").

export interface DemandClass {
  index: number;
  skill: number;
  first: number;
  last: number;
  arcs: number[];
  /** Jobs of the class, in the order the aggregate serves them (most valuable minute first). */
  jobs: number[];
}

export interface ClassArc {
  demandClass: number;
  pool: number;
  week: number;
  /** Index of the (pool, week) node: pool * weeks + week. */
  node: number;
}

export interface AggregateNetwork {
  classes: DemandClass[];
  arcs: ClassArc[];
  arcsOfNode: number[][];
  nodeCapacity: Float64Array;
  /** Minutes each job may take in the aggregate (0 for jobs that cannot be placed at all). */
  supplyMinutes: Float64Array;
  /** Jobs in the order the aggregate serves them. */
  serviceOrder: number[];
  classOfJob: Int32Array;
}

/** What is still open once pins are placed: the aggregate plans only that. */
export interface RemainingWork {
  free(w: number, t: number): number;
  unplaced(j: number): number;
}

export function buildAggregateNetwork(instance: PlanningInstance, remaining: RemainingWork): AggregateNetwork {
  const { pools, weeks } = instance;
  const nodeCapacity = new Float64Array(pools.length * weeks);
  for (const pool of pools) {
    for (const w of pool.workshops)
      for (let t = 0; t < weeks; t++) nodeCapacity[pool.index * weeks + t] += remaining.free(w, t);
  }
  const network: AggregateNetwork = {
    classes: [],
    arcs: [],
    arcsOfNode: Array.from({ length: nodeCapacity.length }, () => []),
    nodeCapacity,
    supplyMinutes: new Float64Array(instance.jobs.length),
    serviceOrder: inServiceOrder(instance, instance.jobs),
    classOfJob: new Int32Array(instance.jobs.length).fill(-1),
  };
  addJobsToNetwork({ instance, remaining, network, jobs: network.serviceOrder });
  return network;
}

/**
 * The network of `instance` (built by buildAggregateNetwork before jobs were appended to the
 * instance, see appendJobs) with the appended jobs added: they join the classes of their skill and
 * window, new classes come after the existing ones, and `serviceOrder` holds only the appended
 * jobs, so that a solution of the old network can be carried on with them (solveAggregateFlow's
 * `from`). The given network is left as it was.
 */
export function extendAggregateNetwork({
  instance,
  remaining,
  network,
}: {
  instance: PlanningInstance;
  remaining: RemainingWork;
  network: AggregateNetwork;
}): AggregateNetwork {
  const known = network.classOfJob.length;
  const supplyMinutes = new Float64Array(instance.jobs.length);
  supplyMinutes.set(network.supplyMinutes);
  const classOfJob = new Int32Array(instance.jobs.length).fill(-1);
  classOfJob.set(network.classOfJob);
  const extended: AggregateNetwork = {
    ...copyNetworkShape(network),
    nodeCapacity: network.nodeCapacity,
    supplyMinutes,
    serviceOrder: inServiceOrder(instance, instance.jobs.slice(known)),
    classOfJob,
  };
  addJobsToNetwork({ instance, remaining, network: extended, jobs: extended.serviceOrder });
  return extended;
}

/**
 * The parts of a network that adding jobs grows (its classes with their arcs and jobs, the arcs,
 * each node's arcs), copied, so that growing the copy leaves the original as it was.
 */
export function copyNetworkShape(network: AggregateNetwork): Pick<AggregateNetwork, 'classes' | 'arcs' | 'arcsOfNode'> {
  return {
    classes: network.classes.map((demandClass) => ({
      ...demandClass,
      arcs: [...demandClass.arcs],
      jobs: [...demandClass.jobs],
    })),
    arcs: [...network.arcs],
    arcsOfNode: network.arcsOfNode.map((arcs) => [...arcs]),
  };
}

/** Jobs that can be placed at all, most valuable minute first (ties: shorter units, then index). */
export function inServiceOrder(instance: PlanningInstance, jobs: readonly JobFacts[]): number[] {
  return jobs
    .filter((job) => job.window !== null && instance.workshopsBySkill[job.skill].length > 0)
    .sort(
      (a, b) => b.valuePerMinute - a.valuePerMinute || a.job.minutesPerUnit - b.job.minutesPerUnit || a.index - b.index,
    )
    .map((job) => job.index);
}

export const classKey = (skill: number, first: number, last: number) => `${skill}:${first}:${last}`;

/** The network's classes by classKey. */
export function classesByKey(network: AggregateNetwork): Map<string, DemandClass> {
  return new Map(
    network.classes.map((demandClass) => [
      classKey(demandClass.skill, demandClass.first, demandClass.last),
      demandClass,
    ]),
  );
}

// NOTE: a window's reach depends only on the workshops' capacities, fixed once an instance is
// built: kept per workshops array, so that appending a few jobs costs their lines, not a pass
// over every workshop of their skill.
const reachOfWorkshops = new WeakMap<PlanningInstance['workshops'], Map<string, WindowReach>>();

/**
 * Gives each of `jobs` (in that order) its supply and its class, creating classes and arcs as
 * needed. `classByKey` (classesByKey of the network) is kept up to date when given.
 */
export function addJobsToNetwork({
  instance,
  remaining,
  network,
  jobs: order,
  classByKey = classesByKey(network),
}: {
  instance: PlanningInstance;
  remaining: RemainingWork;
  network: AggregateNetwork;
  jobs: readonly number[];
  classByKey?: Map<string, DemandClass>;
}): void {
  const { jobs, pools, weeks } = instance;
  const { classes, arcs, arcsOfNode, nodeCapacity, supplyMinutes, classOfJob } = network;
  let reach = reachOfWorkshops.get(instance.workshops);
  if (!reach) reachOfWorkshops.set(instance.workshops, (reach = new Map<string, WindowReach>()));
  for (const j of order) {
    const job = jobs[j];
    const window = job.window!;
    const key = classKey(job.skill, window.first, window.last);
    let windowReach = reach.get(key);
    if (!windowReach) {
      windowReach = measureWindowReach({ instance, skill: job.skill, first: window.first, last: window.last });
      reach.set(key, windowReach);
    }
    supplyMinutes[j] = Math.min(
      remaining.unplaced(j) * job.job.minutesPerUnit,
      reachableMinutes({ instance, job: j, reach: windowReach }),
    );
    if (supplyMinutes[j] <= 0) continue;
    let demandClass = classByKey.get(key);
    if (!demandClass) {
      demandClass = {
        index: classes.length,
        skill: job.skill,
        first: window.first,
        last: window.last,
        arcs: [],
        jobs: [],
      };
      classByKey.set(key, demandClass);
      classes.push(demandClass);
      for (const pool of pools) {
        if (!pool.skills.includes(job.skill)) continue;
        for (let week = window.first; week <= window.last; week++) {
          const node = pool.index * weeks + week;
          if (nodeCapacity[node] <= 0) continue;
          demandClass.arcs.push(arcs.length);
          arcsOfNode[node].push(arcs.length);
          arcs.push({ demandClass: demandClass.index, pool: pool.index, week, node });
        }
      }
    }
    demandClass.jobs.push(j);
    classOfJob[j] = demandClass.index;
  }
}

interface WindowReach {
  /** Largest single workshop-week capacity. */
  largestWeek: number;
  /** prefix[k]: capacity of the k workshops with the most capacity in the window. */
  prefix: number[];
}

/** Capacity facts for one skill and window, shared by all jobs with them. */
function measureWindowReach({
  instance,
  skill,
  first,
  last,
}: {
  instance: PlanningInstance;
  skill: number;
  first: number;
  last: number;
}): WindowReach {
  let largestWeek = 0;
  const totals = instance.workshopsBySkill[skill].map((w) => {
    let total = 0;
    for (let t = first; t <= last; t++) {
      const minutes = instance.workshops[w].capacityMinutes[t];
      total += minutes;
      largestWeek = Math.max(largestWeek, minutes);
    }
    return total;
  });
  totals.sort((a, b) => b - a);
  const prefix = [0];
  for (const total of totals) prefix.push(prefix[prefix.length - 1] + total);
  return { largestWeek, prefix };
}

/**
 * Upper bound on the minutes a job can get once lots and splits are respected: no more than its
 * `maxSplit` largest workshops hold in its weeks, and nothing when even one lot fits in no
 * workshop-week. Capping supply this way keeps the aggregate from promising work the job
 * could never take; the bound is valid for every plan, so the aggregate stays an upper bound.
 */
function reachableMinutes({
  instance,
  job,
  reach,
}: {
  instance: PlanningInstance;
  job: number;
  reach: WindowReach;
}): number {
  const facts = instance.jobs[job];
  if (facts.lotMin * facts.job.minutesPerUnit > reach.largestWeek + 1e-9) return 0;
  const workshops = reach.prefix.length - 1;
  return facts.maxSplit >= workshops ? Number.POSITIVE_INFINITY : reach.prefix[facts.maxSplit];
}
