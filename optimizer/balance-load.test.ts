import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type AggregateSolution } from './aggregate-flow';
import { type AggregateNetwork, type ClassArc, type DemandClass } from './aggregate-network';
import { balanceNodeLoads } from './balance-load';
import { FlowGraph } from './max-flow';

// The balanced flow keeps every class's minutes, fits every node, and is lexicographically
// balanced: checked against brute force over all class subsets on small random networks. The most
// loaded node can never be lighter than the densest set of classes forces it to be, and the
// balanced flow reaches exactly that.

describe('FlowGraph', () => {
  it('finds the maximum flow of a small network and its minimum cut', () => {
    // s→a 3, s→b 2, a→b 1, a→t 2, b→t 3: max flow 5, every source edge saturated.
    const graph = new FlowGraph(4);
    graph.addEdge(0, 1, 3);
    graph.addEdge(0, 2, 2);
    graph.addEdge(1, 2, 1);
    graph.addEdge(1, 3, 2);
    graph.addEdge(2, 3, 3);
    expect(graph.maxFlow(0, 3)).toBeCloseTo(5, 9);
    expect([...graph.sourceSide(0)]).toEqual([1, 0, 0, 0]);
  });

  it('starts each run from zero flow, so capacities can change between runs', () => {
    const graph = new FlowGraph(3);
    const first = graph.addEdge(0, 1, 4);
    graph.addEdge(1, 2, 10);
    expect(graph.maxFlow(0, 2)).toBeCloseTo(4, 9);
    graph.setCapacity(first, 7.5);
    expect(graph.maxFlow(0, 2)).toBeCloseTo(7.5, 9);
  });
});

interface SmallNetwork {
  nodeCapacity: number[];
  classes: Array<{ minutes: number; nodes: number[] }>;
}

const smallNetwork = fc.integer({ min: 1, max: 6 }).chain((nodes) =>
  fc.record({
    nodeCapacity: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: nodes, maxLength: nodes }),
    classes: fc.array(
      fc.record({
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        nodes: fc.uniqueArray(fc.integer({ min: 0, max: nodes - 1 }), { minLength: 1, maxLength: nodes }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }),
);

/** Class minutes that fit (a feasible fulfilment solution): a share of what an even split allows. */
function buildNetwork(input: { nodeCapacity: number[]; classes: Array<{ share: number; nodes: number[] }> }): {
  network: AggregateNetwork;
  solution: AggregateSolution;
  small: SmallNetwork;
} {
  const reach = new Array<number>(input.nodeCapacity.length).fill(0);
  for (const c of input.classes) for (const node of c.nodes) reach[node] += 1;
  const classes: DemandClass[] = [];
  const arcs: ClassArc[] = [];
  const arcsOfNode: number[][] = input.nodeCapacity.map(() => []);
  const classMinutes = new Float64Array(input.classes.length);
  const arcFlow: number[] = [];
  input.classes.forEach((c, index) => {
    const demandClass: DemandClass = { index, skill: 0, first: 0, last: 0, arcs: [], jobs: [] };
    for (const node of c.nodes) {
      const minutes = (c.share * input.nodeCapacity[node]) / reach[node];
      demandClass.arcs.push(arcs.length);
      arcsOfNode[node].push(arcs.length);
      arcs.push({ demandClass: index, pool: node, week: 0, node });
      arcFlow.push(minutes);
      classMinutes[index] += minutes;
    }
    classes.push(demandClass);
  });
  const network: AggregateNetwork = {
    classes,
    arcs,
    arcsOfNode,
    nodeCapacity: Float64Array.from(input.nodeCapacity),
    supplyMinutes: new Float64Array(0),
    serviceOrder: [],
    classOfJob: new Int32Array(0),
  };
  const solution: AggregateSolution = {
    servedMinutes: new Float64Array(0),
    arcFlow: Float64Array.from(arcFlow),
    classMinutes,
  };
  const small = {
    nodeCapacity: input.nodeCapacity,
    classes: input.classes.map((c, i) => ({ minutes: classMinutes[i], nodes: c.nodes })),
  };
  return { network, solution, small };
}

/** The densest set of classes: the highest load any flow must put on some node. */
function densestLoad(small: SmallNetwork): number {
  let best = 0;
  for (let mask = 1; mask < 1 << small.classes.length; mask++) {
    const nodes = new Set<number>();
    let minutes = 0;
    small.classes.forEach((c, i) => {
      if (mask & (1 << i)) {
        minutes += c.minutes;
        c.nodes.forEach((node) => nodes.add(node));
      }
    });
    const capacity = [...nodes].reduce((sum, node) => sum + small.nodeCapacity[node], 0);
    best = Math.max(best, minutes / capacity);
  }
  return best;
}

describe('balanceNodeLoads', () => {
  it('keeps class minutes, fits nodes, and loads no node above the densest set', () => {
    fc.assert(
      fc.property(smallNetwork, (input) => {
        const { network, solution, small } = buildNetwork(input);
        const result = balanceNodeLoads({ network, solution });
        expect(result.outcome).toBe('balanced');
        if (result.outcome !== 'balanced') return;
        const perClass = new Float64Array(network.classes.length);
        const perNode = new Float64Array(network.nodeCapacity.length);
        network.arcs.forEach((arc, a) => {
          expect(result.arcFlow[a]).toBeGreaterThanOrEqual(0);
          perClass[arc.demandClass] += result.arcFlow[a];
          perNode[arc.node] += result.arcFlow[a];
        });
        network.classes.forEach((c) => expect(perClass[c.index]).toBeCloseTo(solution.classMinutes[c.index], 6));
        const loads = [...perNode].map((load, node) => load / network.nodeCapacity[node]);
        loads.forEach((load) => expect(load).toBeLessThanOrEqual(1 + 1e-9));
        expect(Math.max(...loads)).toBeCloseTo(densestLoad(small), 6);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('spreads one class evenly over all the nodes it may use', () => {
    const { network, solution } = buildNetwork({
      nodeCapacity: [100, 300, 600],
      classes: [{ share: 0.5, nodes: [0, 1, 2] }],
    });
    const result = balanceNodeLoads({ network, solution });
    if (result.outcome !== 'balanced') throw new Error('not balanced');
    const total = solution.classMinutes[0];
    expect([...result.arcFlow].map((f) => f / total)).toEqual([0.1, 0.3, 0.6].map((x) => expect.closeTo(x, 6)));
  });
});
