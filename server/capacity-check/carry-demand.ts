import { type ProblemInput, validateProblem } from '../../optimizer';
import { solveAggregateFlow } from '../../optimizer/aggregate-flow';
import { extendAggregateNetwork } from '../../optimizer/aggregate-network';
import { appendJobs } from '../../optimizer/planning-instance';
import { type NewDemand } from './serve-new-demand';
import { type OpenOrdersServed } from './serve-open-orders';

const CARRIED_PREFIX = '\u0000carried:';

/**
 * `served` carried on with `lines` served after everything in it: the lines become jobs (named by
 * `id`) appended to the instance and the network, and the flow goes on from `served`'s.
 */
export function serveAfter({
  problem,
  served,
  lines,
}: {
  problem: ProblemInput;
  served: OpenOrdersServed;
  lines: readonly { demand: NewDemand; id: string }[];
}): OpenOrdersServed {
  const { jobs } = validateProblem({
    horizon: problem.horizon,
    workshops: [],
    jobs: lines.map(({ demand, id }) => ({
      id,
      skill: demand.skill,
      quantity: demand.quantity,
      minutesPerUnit: demand.minutesPerUnit,
      pieceRateCents: demand.pieceRateCents,
      dueDate: demand.dueDate,
      priority: 1,
      minLot: demand.minLot,
    })),
  });
  const instance = appendJobs(served.instance, jobs);
  const network = extendAggregateNetwork({
    instance,
    network: served.network,
    remaining: { free: (w, t) => served.ledger.free(w, t), unplaced: (j) => instance.jobs[j].job.quantity },
  });
  return { ...served, instance, network, solution: solveAggregateFlow(network, served.solution) };
}

/**
 * `served` with `demand` served after everything in it, as one more open order would be: the flow
 * is carried on with the new lines only, so a chain of promises (one order after another from the
 * channels) costs each order its own lines instead of serving every earlier promise again. Lines
 * whose skill no workshop has can get nothing and are left out.
 */
export function carryDemand({
  problem,
  served,
  demand,
}: {
  problem: ProblemInput;
  served: OpenOrdersServed;
  demand: readonly NewDemand[];
}): OpenOrdersServed {
  const skills = new Set(served.instance.skills);
  const made = demand.filter((line) => skills.has(line.skill));
  if (made.length === 0) return served;
  const known = served.instance.jobs.length;
  return serveAfter({
    problem,
    served,
    lines: made.map((line, index) => ({ demand: line, id: `${CARRIED_PREFIX}${known + index}` })),
  });
}
