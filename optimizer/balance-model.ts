import { type AggregateSolution } from './aggregate-flow';
import { type AggregateNetwork } from './aggregate-network';
import { estimateSolveMs, type LinearProgram, OBJECTIVE_KEY, solveLinearProgram } from './linear-program';
import { type PlanningInstance } from './planning-instance';

// Second objective, solved with javascript-lp-solver on the aggregate: keep every class's served
// minutes as the fulfilment stage left them (so fulfilment cannot drop) and move work between
// pools and weeks so that every usable (pool, week) node earns as evenly as possible per
// capacity-minute: minimise (highest − lowest node rate) − λ · (capacity-weighted mean of each
// node's rate capped at the average). Even node rates make workshop rates even: a pool's work is
// later shared out in proportion to capacity week by week, so each workshop earns the node rate
// on its capacity whatever its own week-by-week profile.
//
// NOTE: every row is written as "≤ a non-negative constant", so the all-zero point is feasible
// and javascript-lp-solver skips its phase 1, whose anti-cycling rule can loop forever on this
// degenerate model. Class totals are therefore "≤ served" plus a reward per minute placed that
// outweighs any gain in balance, which makes them bind at the optimum (checked after solving).

const KILO = 1000;
const SHORTFALL_WEIGHT = 0.5;
const EPSILON = 1e-7;

export interface BalanceInputs {
  instance: PlanningInstance;
  network: AggregateNetwork;
  solution: AggregateSolution;
}

/** Pure: the balancing LP, or null when there is nothing to balance. */
export function buildBalanceModel({ instance, network, solution }: BalanceInputs): LinearProgram | null {
  const { classes, arcs, arcsOfNode, nodeCapacity } = network;
  const rates = classEarningRates({ instance, network, solution });
  const usableNodes = arcsOfNode.map((nodeArcs, node) => (nodeArcs.length > 0 ? node : -1)).filter((node) => node >= 0);
  if (usableNodes.length < 2) return null;
  const totalMinutes = usableNodes.reduce((sum, node) => sum + nodeCapacity[node], 0);
  const totalEarnings = classes.reduce((sum, c) => sum + rates[c.index] * solution.classMinutes[c.index], 0);
  const averageRate = totalEarnings / totalMinutes;
  const rateCoefficient = (a: number) => (rates[arcs[a].demandClass] * KILO) / nodeCapacity[arcs[a].node];
  let placementReward = 1;
  arcs.forEach((_, a) => (placementReward = Math.max(placementReward, 10 * rateCoefficient(a))));

  const constraints: LinearProgram['constraints'] = {};
  const variables: LinearProgram['variables'] = {};
  for (const c of classes) {
    if (solution.classMinutes[c.index] > EPSILON)
      constraints[`class${c.index}`] = { max: solution.classMinutes[c.index] / KILO };
  }
  arcs.forEach((arc, a) => {
    if (solution.classMinutes[arc.demandClass] <= EPSILON) return;
    const coefficient = rateCoefficient(a);
    variables[`arc${a}`] = {
      [OBJECTIVE_KEY]: placementReward,
      [`class${arc.demandClass}`]: 1,
      [`node${arc.node}`]: 1,
      [`high${arc.node}`]: coefficient,
      [`low${arc.node}`]: -coefficient,
      [`short${arc.node}`]: -coefficient,
    };
  });
  variables.highestRate = { [OBJECTIVE_KEY]: -1 };
  variables.lowestRate = { [OBJECTIVE_KEY]: 1 };
  for (const node of usableNodes) {
    constraints[`node${node}`] = { max: nodeCapacity[node] / KILO };
    constraints[`high${node}`] = { max: 0 };
    constraints[`low${node}`] = { max: 0 };
    constraints[`short${node}`] = { max: 0 };
    constraints[`capped${node}`] = { max: averageRate };
    variables.highestRate[`high${node}`] = -1;
    variables.lowestRate[`low${node}`] = 1;
    // Rate of the node, counted only up to the average: rewards lifting the least-paid nodes.
    variables[`cappedRate${node}`] = {
      [OBJECTIVE_KEY]: (SHORTFALL_WEIGHT * nodeCapacity[node]) / totalMinutes,
      [`short${node}`]: 1,
      [`capped${node}`]: 1,
    };
  }
  return { direction: 'max', constraints, variables };
}

export type BalanceOutcome =
  | { outcome: 'balanced'; arcFlow: Float64Array }
  /** Nothing to balance, or the solver did not return a usable optimum: keep the fulfilment flows. */
  | { outcome: 'unchanged' }
  /** The solve would not fit in the time left. */
  | { outcome: 'no-time' };

/** Arc minutes after balancing the aggregate's work, unless there is nothing to balance or no time. */
export function solveBalanceModel(inputs: BalanceInputs & { timeLeftMs: number }): BalanceOutcome {
  const program = buildBalanceModel(inputs);
  if (!program) return { outcome: 'unchanged' };
  if (estimateSolveMs(program) > inputs.timeLeftMs) return { outcome: 'no-time' };
  const result = solveLinearProgram(program);
  if (result.status !== 'optimal') return { outcome: 'unchanged' };
  const { network, solution } = inputs;
  const flows = new Float64Array(network.arcs.length);
  const placed = new Float64Array(network.classes.length);
  network.arcs.forEach((arc, a) => {
    flows[a] = Math.max(0, result.value(`arc${a}`) * KILO);
    placed[arc.demandClass] += flows[a];
  });
  // The reward should make every class total bind; if rounding left one short, keep the fulfilment flows.
  const short = network.classes.some((c) => placed[c.index] < solution.classMinutes[c.index] * (1 - 1e-6) - 1e-3);
  return short ? { outcome: 'unchanged' } : { outcome: 'balanced', arcFlow: flows };
}

/** Average piece-rate cents per minute of the work each class has been given. */
export function classEarningRates({ instance, network, solution }: BalanceInputs): Float64Array {
  const rates = new Float64Array(network.classes.length);
  for (const c of network.classes) {
    let minutes = 0;
    let cents = 0;
    for (const j of c.jobs) {
      minutes += solution.servedMinutes[j];
      cents += solution.servedMinutes[j] * instance.jobs[j].centsPerMinute;
    }
    rates[c.index] = minutes > 0 ? cents / minutes : 0;
  }
  return rates;
}
