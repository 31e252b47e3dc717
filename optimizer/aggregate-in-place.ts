import { type CarriedSolution, type FlowJournal, serveInPlace } from './aggregate-flow';
import {
  addJobsToNetwork,
  type AggregateNetwork,
  classesByKey,
  classKey,
  copyNetworkShape,
  type DemandClass,
  inServiceOrder,
  type RemainingWork,
} from './aggregate-network';
import { describeAppendedJobs, type PlanningInstance } from './planning-instance';
import { type Job } from './types';

// Carrying the aggregate flow on with a few more jobs, in place. appendJobs, extendAggregateNetwork
// and solveAggregateFlow(network, from) leave what they were given as it was, which costs a copy
// of the whole network and solution per question; the promise engine asks a couple of dozen
// questions per order on a network of every open order line. Here the jobs are appended to the
// instance, network and solution themselves and served; the returned undo puts every one of
// them back exactly as it was (the appended jobs, classes and arcs dropped, every changed flow
// restored from a journal), so a question costs work in proportion to its own lines and the paths
// its flow takes, and a line kept (a promise made) is simply not undone.

/** Open orders served by the aggregate flow, carried on in place by carryOnInPlace. */
export interface CarriedAggregate {
  instance: PlanningInstance;
  network: AggregateNetwork;
  solution: CarriedSolution;
  /**
   * Classes a carry found full: no path from them has room, and none will once more is served
   * (submodularity, see aggregate-flow.ts), so later carries skip them without searching the
   * network again. As demand fills the network, most questions ask of full classes.
   */
  fullClasses?: Set<number>;
}

/** Puts a CarriedAggregate back as it was before carryOnInPlace. */
export type UndoCarry = () => void;

// NOTE: classes by key, kept per classes array and updated as classes come and go, so that each
// question does not map every class of the network again.
const classIndexes = new WeakMap<DemandClass[], Map<string, DemandClass>>();

/**
 * `array` (whose values must be kept) as a view of `length` entries, the new ones set to `fill`.
 * The view shares a buffer with room to spare, so growing by a few entries usually copies nothing.
 */
function grown<T extends Float64Array | Int32Array>(array: T, length: number, fill: number): T {
  const room = (array.buffer.byteLength - array.byteOffset) / array.BYTES_PER_ELEMENT;
  let view: T;
  if (length <= room) {
    view = new (array.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => T)(
      array.buffer,
      array.byteOffset,
      length,
    );
  } else {
    view = new (array.constructor as new (length: number) => T)(Math.max(length, 2 * array.length, 64));
    view.set(array);
    view = view.subarray(0, length) as T;
  }
  view.fill(fill, array.length);
  return view;
}

/** `array`'s first `length` entries, sharing its buffer (so a later grow reuses the room). */
const truncated = <T extends Float64Array | Int32Array>(array: T, length: number): T => array.subarray(0, length) as T;

/**
 * Appends `jobs` (checked by validateProblem, skills the instance knows) to `aggregate` in place
 * and serves them after everything in it, as extendAggregateNetwork and solveAggregateFlow with
 * `from` would. Returns the undo. Synchronous: nothing else may see the aggregate before undo.
 */
export function carryOnInPlace({
  aggregate,
  remaining,
  jobs,
}: {
  aggregate: CarriedAggregate;
  remaining: RemainingWork;
  jobs: readonly Job[];
}): UndoCarry {
  const { instance, network, solution } = aggregate;
  // Describing the jobs may throw (a skill the instance lacks): before anything is changed.
  const appended = describeAppendedJobs(instance, jobs);
  const jobsBefore = instance.jobs.length;
  const classesBefore = network.classes.length;
  const arcsBefore = network.arcs.length;
  const serviceOrderBefore = network.serviceOrder;

  instance.jobs.push(...appended);
  const jobCount = instance.jobs.length;
  network.supplyMinutes = grown(network.supplyMinutes, jobCount, 0);
  network.classOfJob = grown(network.classOfJob, jobCount, -1);
  solution.servedMinutes = grown(solution.servedMinutes, jobCount, 0);
  network.serviceOrder = inServiceOrder(instance, appended);
  let classByKey = classIndexes.get(network.classes);
  if (!classByKey) classIndexes.set(network.classes, (classByKey = classesByKey(network)));
  addJobsToNetwork({ instance, remaining, network, jobs: network.serviceOrder, classByKey });
  solution.arcFlow = grown(solution.arcFlow, network.arcs.length, 0);
  solution.classMinutes = grown(solution.classMinutes, network.classes.length, 0);
  const journal: FlowJournal = { arcFlow: [], nodeLoad: [], classMinutes: [] };
  const fullClasses = (aggregate.fullClasses ??= new Set());
  const foundFull: number[] = [];
  serveInPlace({
    network,
    solution,
    journal,
    fullClasses: {
      has: (c) => fullClasses.has(c),
      add: (c) => {
        fullClasses.add(c);
        foundFull.push(c);
      },
    },
  });

  return () => {
    for (const c of foundFull) fullClasses.delete(c);
    restore(solution.classMinutes, journal.classMinutes);
    restore(solution.nodeLoad, journal.nodeLoad);
    restore(solution.arcFlow, journal.arcFlow);
    // Old classes took the appended jobs at the end of their lists, in order.
    for (let j = jobCount - 1; j >= jobsBefore; j--) {
      const c = network.classOfJob[j];
      if (c >= 0 && c < classesBefore) network.classes[c].jobs.pop();
    }
    for (let a = network.arcs.length - 1; a >= arcsBefore; a--) network.arcsOfNode[network.arcs[a].node].pop();
    network.arcs.length = arcsBefore;
    for (const demandClass of network.classes.slice(classesBefore))
      classByKey.delete(classKey(demandClass.skill, demandClass.first, demandClass.last));
    network.classes.length = classesBefore;
    network.serviceOrder = serviceOrderBefore;
    network.supplyMinutes = truncated(network.supplyMinutes, jobsBefore);
    network.classOfJob = truncated(network.classOfJob, jobsBefore);
    solution.servedMinutes = truncated(solution.servedMinutes, jobsBefore);
    solution.arcFlow = truncated(solution.arcFlow, arcsBefore);
    solution.classMinutes = truncated(solution.classMinutes, classesBefore);
    instance.jobs.length = jobsBefore;
  };
}

/** Puts back the (index, value) pairs of a journal, the last change first. */
function restore(values: Float64Array, journal: readonly number[]): void {
  for (let k = journal.length - 2; k >= 0; k -= 2) values[journal[k]] = journal[k + 1];
}

/** A copy of `aggregate` sharing nothing that carryOnInPlace changes, for one owner to carry on. */
export function copyAggregate<T extends CarriedAggregate>(aggregate: T): T {
  const { instance, network, solution, fullClasses } = aggregate;
  return {
    ...aggregate,
    fullClasses: new Set(fullClasses),
    instance: { ...instance, jobs: [...instance.jobs] },
    network: {
      ...network,
      ...copyNetworkShape(network),
      supplyMinutes: network.supplyMinutes.slice(),
      classOfJob: network.classOfJob.slice(),
    },
    solution: {
      arcFlow: solution.arcFlow.slice(),
      nodeLoad: solution.nodeLoad.slice(),
      servedMinutes: solution.servedMinutes.slice(),
      classMinutes: solution.classMinutes.slice(),
    },
  };
}
