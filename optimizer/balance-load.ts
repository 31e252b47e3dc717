import { type AggregateSolution } from './aggregate-flow';
import { type AggregateNetwork } from './aggregate-network';
import { FlowGraph } from './max-flow';

// Second objective, on the aggregate: keep every class's served minutes as the fulfilment stage
// left them (so fulfilment cannot drop) and route them over the (pool, week) nodes so that the
// nodes' loads are as even as they can be, lexicographically: the most loaded node as light as
// possible, then the next, and so on. A pool's work is later shared out in proportion to
// capacity week by week, so even node loads make every workshop of a pool equally loaded, and
// within a skill, where piece rates per minute are alike, equally paid per capacity-hour.
//
// The balanced flow is found by peeling density levels. For a set S of classes reaching the
// nodes N(S), no flow can load N(S) less than minutes(S) / capacity(N(S)); the densest set
// sets the highest level, is given exactly that load, and is removed; the rest repeats. Each
// densest set comes from minimum cuts: a max flow with node capacities U × capacity cuts off the
// classes S maximising minutes(S) − U × capacity(N(S)), and raising U to their density
// (Dinkelbach's method) reaches the densest set in a few flows. All of it is max flows on a
// graph of classes and nodes, hundreds of vertices, so it stays fast at any network shape.

const EPSILON = 1e-7;
const MAX_DINKELBACH_STEPS = 50;

export type LoadBalance =
  | { outcome: 'balanced'; arcFlow: Float64Array }
  /** The flows did not come out whole (should not happen): keep the fulfilment flows. */
  | { outcome: 'unchanged' };

interface BalanceGraph {
  graph: FlowGraph;
  source: number;
  sink: number;
  classEdge: Int32Array;
  nodeEdge: Int32Array;
  arcEdge: Int32Array;
}

/** Arc minutes with the same class totals as `solution` and node loads as even as possible. */
export function balanceNodeLoads({
  network,
  solution,
}: {
  network: AggregateNetwork;
  solution: AggregateSolution;
}): LoadBalance {
  const { classes, arcs, nodeCapacity } = network;
  const flows = buildBalanceGraph(network);
  const { graph, source, sink, classEdge, nodeEdge, arcEdge } = flows;
  const arcFlow = new Float64Array(arcs.length);

  const classActive = new Uint8Array(classes.length);
  classes.forEach((c) => (classActive[c.index] = solution.classMinutes[c.index] > EPSILON ? 1 : 0));
  const nodeActive = new Uint8Array(nodeCapacity.length);
  arcs.forEach((arc) => {
    if (classActive[arc.demandClass] && nodeCapacity[arc.node] > EPSILON) nodeActive[arc.node] = 1;
  });

  /** Opens the graph to active classes and nodes only, nodes at `level` × capacity. */
  const setLevel = (level: number) => {
    classes.forEach((c) =>
      graph.setCapacity(classEdge[c.index], classActive[c.index] ? solution.classMinutes[c.index] : 0),
    );
    nodeCapacity.forEach((capacity, node) =>
      graph.setCapacity(nodeEdge[node], nodeActive[node] ? level * capacity : 0),
    );
  };
  const density = (inSet: (c: number) => boolean) => {
    let minutes = 0;
    let capacity = 0;
    const reached = new Uint8Array(nodeCapacity.length);
    for (const c of classes) {
      if (!classActive[c.index] || !inSet(c.index)) continue;
      minutes += solution.classMinutes[c.index];
      for (const a of c.arcs) {
        const node = arcs[a].node;
        if (nodeActive[node] && !reached[node]) {
          reached[node] = 1;
          capacity += nodeCapacity[node];
        }
      }
    }
    return capacity > 0 ? minutes / capacity : Infinity;
  };

  while (classActive.some((active) => active === 1)) {
    // Dinkelbach: start from the density of everything left, move to the density of the set the
    // cut says is denser, until no set is denser than the level.
    let level = density(() => true);
    if (!Number.isFinite(level)) return { outcome: 'unchanged' };
    let densest: Uint8Array | null = null;
    for (let step = 0; step < MAX_DINKELBACH_STEPS; step++) {
      setLevel(level);
      const wanted = classes.reduce((sum, c) => sum + (classActive[c.index] ? solution.classMinutes[c.index] : 0), 0);
      const moved = graph.maxFlow(source, sink);
      if (moved >= wanted - EPSILON * Math.max(1, wanted)) break;
      const side = graph.sourceSide(source);
      const denser = density((c) => side[1 + c] === 1);
      if (!(denser > level * (1 + 1e-9))) break;
      densest = side;
      level = denser;
    }
    // Route the densest set (or everything left, when nothing is denser) at its level.
    const inLevel = (c: number) => classActive[c] === 1 && (densest === null || densest[1 + c] === 1);
    const levelNodes = new Uint8Array(nodeCapacity.length);
    for (const c of classes)
      if (inLevel(c.index)) for (const a of c.arcs) levelNodes[arcs[a].node] = nodeActive[arcs[a].node];
    const wasActive = Uint8Array.from(classActive);
    classes.forEach((c) => (classActive[c.index] = inLevel(c.index) ? 1 : 0));
    const nodesBefore = Uint8Array.from(nodeActive);
    nodeActive.forEach((_, node) => (nodeActive[node] = levelNodes[node]));
    setLevel(level * (1 + 1e-9));
    const wanted = classes.reduce((sum, c) => sum + (classActive[c.index] ? solution.classMinutes[c.index] : 0), 0);
    const moved = graph.maxFlow(source, sink);
    if (moved < wanted * (1 - 1e-6) - 1e-3) return { outcome: 'unchanged' };
    arcs.forEach((arc, a) => {
      if (classActive[arc.demandClass]) arcFlow[a] = Math.max(0, graph.flowOf(arcEdge[a]));
    });
    // The level's classes and nodes are done; the rest is balanced below them.
    classes.forEach((c) => (classActive[c.index] = wasActive[c.index] && !inLevel(c.index) ? 1 : 0));
    nodeActive.forEach((_, node) => (nodeActive[node] = nodesBefore[node] && !levelNodes[node] ? 1 : 0));
  }
  return { outcome: 'balanced', arcFlow };
}

/** Source → class (its minutes) → node (unbounded) → sink (the node's level × capacity). */
function buildBalanceGraph({ classes, arcs, nodeCapacity }: AggregateNetwork): BalanceGraph {
  const source = 0;
  const sink = 1 + classes.length + nodeCapacity.length;
  const graph = new FlowGraph(sink + 1);
  const classEdge = new Int32Array(classes.length);
  const nodeEdge = new Int32Array(nodeCapacity.length);
  const arcEdge = new Int32Array(arcs.length);
  classes.forEach((c) => (classEdge[c.index] = graph.addEdge(source, 1 + c.index, 0)));
  arcs.forEach((arc, a) => (arcEdge[a] = graph.addEdge(1 + arc.demandClass, 1 + classes.length + arc.node, Infinity)));
  nodeCapacity.forEach((_, node) => (nodeEdge[node] = graph.addEdge(1 + classes.length + node, sink, 0)));
  return { graph, source, sink, classEdge, nodeEdge, arcEdge };
}
