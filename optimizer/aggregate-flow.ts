import { type AggregateNetwork } from './aggregate-network';

// Solves the aggregate fulfilment LP exactly:
//   maximise  Σ_j valuePerMinute_j · served_j
//   subject to served_j ≤ supply_j, each class's work fits in the (pool, week) nodes it can reach.
// It is a transportation problem whose weights sit on the jobs only, so the sets of servable
// minute vectors form a polymatroid and the greedy algorithm is optimal (Edmonds): take the jobs
// from the most valuable minute down and give each as much as still fits, rerouting earlier
// work along augmenting paths without ever taking minutes away from it.

export interface AggregateSolution {
  servedMinutes: Float64Array;
  arcFlow: Float64Array;
  classMinutes: Float64Array;
}

/** A solution with the load of each (pool, week) node, from which serving can carry on. */
export interface CarriedSolution extends AggregateSolution {
  nodeLoad: Float64Array;
}

const EPSILON = 1e-7;

/**
 * Serves the jobs of `network.serviceOrder`. With `from`, a solution of a network this one extends
 * (extendAggregateNetwork), its jobs keep what they were given and serving carries on from there:
 * the same result as serving every job in one pass, since the greedy never takes minutes back.
 */
export function solveAggregateFlow(
  network: AggregateNetwork,
  from?: CarriedSolution,
  /** Gathers the classes found full while serving (see serveInPlace), for whoever carries the solution on. */
  fullClasses?: { has(c: number): boolean; add(c: number): unknown },
): CarriedSolution {
  const solution: CarriedSolution = {
    arcFlow: new Float64Array(network.arcs.length),
    nodeLoad: new Float64Array(network.nodeCapacity.length),
    servedMinutes: new Float64Array(network.supplyMinutes.length),
    classMinutes: new Float64Array(network.classes.length),
  };
  if (from) {
    solution.arcFlow.set(from.arcFlow);
    solution.nodeLoad.set(from.nodeLoad);
    solution.servedMinutes.set(from.servedMinutes);
    solution.classMinutes.set(from.classMinutes);
  }
  serveInPlace({ network, solution, fullClasses });
  return solution;
}

/**
 * The previous value of every entry of a solution that serving changed, as (index, value) pairs in
 * the order they were changed: put back in reverse, they undo the serving exactly.
 */
export interface FlowJournal {
  arcFlow: number[];
  nodeLoad: number[];
  classMinutes: number[];
}

/**
 * Serves `network.serviceOrder` into `solution` itself, whose arrays are as long as the network's
 * (carried on from a solution of the network before its jobs were appended). With a `journal`,
 * every change to a value that existed before is written down, so it can be undone
 * (aggregate-in-place.ts): the jobs appended get their own served minutes, old jobs never change.
 */
export function serveInPlace({
  network,
  solution,
  journal,
  fullClasses,
}: {
  network: AggregateNetwork;
  solution: CarriedSolution;
  journal?: FlowJournal;
  /**
   * Classes known to be full on `solution` (they stay full however much more is served), skipped
   * without a search; the classes found full here are added, in the order found.
   */
  fullClasses?: { has(c: number): boolean; add(c: number): unknown };
}): void {
  const { classes, arcs, arcsOfNode, nodeCapacity, supplyMinutes, serviceOrder, classOfJob } = network;
  const { arcFlow, nodeLoad, servedMinutes, classMinutes } = solution;
  // NOTE: classes found full before are not marked here; a search from one finds no path again.
  const classFull = new Uint8Array(classes.length);

  // Scratch space for the breadth-first search, reused across searches.
  const classSeen = new Int32Array(classes.length).fill(-1);
  const nodeSeen = new Int32Array(nodeCapacity.length).fill(-1);
  const nodeVia = new Int32Array(nodeCapacity.length);
  const classVia = new Int32Array(classes.length);
  const queue = new Int32Array(classes.length);
  let search = 0;

  /** Finds a shortest augmenting path from `origin`, returns the reached node or -1. */
  const findPath = (origin: number): number => {
    search += 1;
    // A direct arc is preferred, to the node with the largest free share: any augmenting order
    // reaches the same optimum, and this one spreads work evenly over pools and weeks, which is
    // what the later stages want when the balancing LP does not run.
    let direct = -1;
    let freeShare = 0;
    for (const a of classes[origin].arcs) {
      const node = arcs[a].node;
      const share = (nodeCapacity[node] - nodeLoad[node]) / nodeCapacity[node];
      if (nodeCapacity[node] - nodeLoad[node] > EPSILON && share > freeShare) [direct, freeShare] = [a, share];
    }
    if (direct >= 0) {
      classVia[origin] = -1;
      nodeVia[arcs[direct].node] = direct;
      return arcs[direct].node;
    }
    let head = 0;
    let tail = 0;
    queue[tail++] = origin;
    classSeen[origin] = search;
    classVia[origin] = -1;
    while (head < tail) {
      const c = queue[head++];
      for (const a of classes[c].arcs) {
        const node = arcs[a].node;
        if (nodeSeen[node] === search) continue;
        nodeSeen[node] = search;
        nodeVia[node] = a;
        if (nodeCapacity[node] - nodeLoad[node] > EPSILON) return node;
        for (const back of arcsOfNode[node]) {
          const other = arcs[back].demandClass;
          if (classSeen[other] === search || arcFlow[back] <= EPSILON) continue;
          classSeen[other] = search;
          classVia[other] = back;
          queue[tail++] = other;
        }
      }
    }
    return -1;
  };

  const augment = (end: number, wanted: number): number => {
    let amount = Math.min(wanted, nodeCapacity[end] - nodeLoad[end]);
    for (let node = end; ;) {
      const forward = nodeVia[node];
      const back = classVia[arcs[forward].demandClass];
      if (back < 0) break;
      amount = Math.min(amount, arcFlow[back]);
      node = arcs[back].node;
    }
    journal?.nodeLoad.push(end, nodeLoad[end]);
    nodeLoad[end] += amount;
    for (let node = end; ;) {
      const forward = nodeVia[node];
      journal?.arcFlow.push(forward, arcFlow[forward]);
      arcFlow[forward] += amount;
      const back = classVia[arcs[forward].demandClass];
      if (back < 0) break;
      journal?.arcFlow.push(back, arcFlow[back]);
      arcFlow[back] -= amount;
      node = arcs[back].node;
    }
    return amount;
  };

  for (const j of serviceOrder) {
    const c = classOfJob[j];
    if (c < 0 || classFull[c] || fullClasses?.has(c)) continue;
    let wanted = supplyMinutes[j];
    while (wanted > EPSILON) {
      const end = findPath(c);
      if (end < 0) {
        // The minutes a class can still add never grow as others are served (submodularity),
        // so a class that cannot grow now never will.
        classFull[c] = 1;
        fullClasses?.add(c);
        break;
      }
      const moved = augment(end, wanted);
      wanted -= moved;
      servedMinutes[j] += moved;
      journal?.classMinutes.push(c, classMinutes[c]);
      classMinutes[c] += moved;
    }
  }
}
