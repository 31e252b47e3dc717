import { type Job, type ProblemInput, validateProblem } from '../../optimizer';
import { carryOnInPlace, copyAggregate, type UndoCarry } from '../../optimizer/aggregate-in-place';
import { type NewDemand } from './serve-new-demand';
import { type OpenOrdersServed } from './serve-open-orders';

const CARRIED_PREFIX = '\u0000carried:';

/** `lines` as the optimizer jobs it is asked to serve (named by `id`), before any check. */
function jobInputsOfLines(lines: readonly { demand: NewDemand; id: string }[]) {
  return lines.map(({ demand, id }) => ({
    id,
    skill: demand.skill,
    quantity: demand.quantity,
    minutesPerUnit: demand.minutesPerUnit,
    pieceRateCents: demand.pieceRateCents,
    dueDate: demand.dueDate,
    priority: 1 as const,
    minLot: demand.minLot,
  }));
}

/**
 * `lines` as optimizer jobs (named by `id`), checked by the optimizer's rules. With `checked`,
 * the caller has had these lines through validateProblem already (asking the same lines again by
 * a later date, or for more units): the jobs are completed with validateProblem's defaults
 * directly, which is what it would return, at no zod parse per question.
 */
export function jobsOfLines({
  problem,
  lines,
  checked = false,
}: {
  problem: ProblemInput;
  lines: readonly { demand: NewDemand; id: string }[];
  checked?: boolean;
}): Job[] {
  const jobs = jobInputsOfLines(lines);
  if (!checked) return validateProblem({ horizon: problem.horizon, workshops: [], jobs }).jobs;
  const releaseDate = problem.horizon.start;
  return jobs.map((job) => ({ ...job, releaseDate, maxSplit: null, pins: [], forbiddenWorkshops: [] }));
}

/**
 * `served` itself carried on with `lines` served after everything in it: the lines become jobs
 * (named by `id`) appended to its instance and network, and its flow goes on (see
 * optimizer/aggregate-in-place.ts). Returns the undo that puts `served` back as it was. Every
 * line's skill must be one of the instance's.
 */
export function serveAfterInPlace({
  problem,
  served,
  lines,
  checked = false,
}: {
  problem: ProblemInput;
  served: OpenOrdersServed;
  lines: readonly { demand: NewDemand; id: string }[];
  /** The lines passed the optimizer's checks before (see jobsOfLines). */
  checked?: boolean;
}): UndoCarry {
  const jobs = jobsOfLines({ problem, lines, checked });
  const { instance, ledger } = served;
  return carryOnInPlace({
    aggregate: served,
    remaining: { free: (w, t) => ledger.free(w, t), unplaced: (j) => instance.jobs[j].job.quantity },
    jobs,
  });
}

/**
 * `served` itself with `demand` served after everything in it, as one more open order would be:
 * the flow is carried on with the new lines only, so a chain of promises (one order after another
 * from the channels) costs each order its own lines instead of serving every earlier promise
 * again. Lines whose skill no workshop has can get nothing and are left out. Only for a `served`
 * its caller owns (copyAggregate): every other holder would see the lines too.
 */
export function carryDemandInPlace({
  problem,
  served,
  demand,
  checked = false,
}: {
  problem: ProblemInput;
  served: OpenOrdersServed;
  demand: readonly NewDemand[];
  /** The lines passed the optimizer's checks when they were asked (see jobsOfLines). */
  checked?: boolean;
}): void {
  const skills = new Set(served.instance.skills);
  const made = demand.filter((line) => skills.has(line.skill));
  if (made.length === 0) return;
  const known = served.instance.jobs.length;
  serveAfterInPlace({
    problem,
    served,
    lines: made.map((line, index) => ({ demand: line, id: `${CARRIED_PREFIX}${known + index}` })),
    checked,
  });
}

/** A copy of `served` with `demand` carried on it (carryDemandInPlace); `served` is left as it was. */
export function carryDemand({
  problem,
  served,
  demand,
}: {
  problem: ProblemInput;
  served: OpenOrdersServed;
  demand: readonly NewDemand[];
}): OpenOrdersServed {
  const carried = copyAggregate(served);
  carryDemandInPlace({ problem, served: carried, demand });
  return carried;
}
