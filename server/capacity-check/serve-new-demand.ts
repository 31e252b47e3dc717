import { type ProblemInput } from '../../optimizer';
import { serveAfterInPlace } from './carry-demand';
import { findMovedJobs, type MovedJob } from './find-moved-jobs';
import { type OpenOrdersServed, serveOpenOrders } from './serve-open-orders';

// The capacity check's one computation. It reuses the optimizer's exact aggregate model (skill
// classes over pools of interchangeable workshops and weeks, solved by the greedy polymatroid
// flow the planner itself starts from) but changes the order in which demand is served: the open
// orders first, the designer's new demand after them. The greedy flow gives each job in turn the
// most that still fits while never taking minutes from earlier jobs, so the new demand gets
// exactly what is left once every open order has all it can get: "without moving any open order".
// With `movableDays`, normal-priority orders keep their claim but may finish that many days later.
// The open orders are served once per network (serveOpenOrders) and each question carries that
// flow on with its own demand: the same result as serving everything in one pass.

const NEW_PREFIX = '\u0000new:';
const EPSILON = 1e-6;

export type { MovedJob };

export interface NewDemand {
  skill: string;
  quantity: number;
  minutesPerUnit: number;
  pieceRateCents: number;
  /** Plain calendar date (YYYY-MM-DD): the same rule as an order's ship-by date. */
  dueDate: string;
  minLot: number;
}

export interface ServedLine {
  units: number;
  minutes: number;
}

/** Whole units of new demand given to one pool of workshops in one horizon week. */
export interface NewDemandFlow {
  line: number;
  skill: string;
  week: number;
  /** Optimizer workshop ids of the pool (all interchangeable for this skill). */
  workshopIds: string[];
  units: number;
  minutesPerUnit: number;
}

export interface ServedDemand {
  lines: ServedLine[];
  flows: NewDemandFlow[];
  /** Pool-week load after serving (open orders and new demand), by workshop ids of the pool. */
  pools: { workshopIds: string[]; skills: string[]; load: number[]; capacity: number[] }[];
  moved: MovedJob[];
}

/**
 * Serves the open orders of `problem`, then `demand`; see the file comment. `served` starts from
 * open orders already served with more demand carried after them (carry-demand.ts) instead.
 */
export function serveNewDemand({
  problem,
  demand,
  movableDays = 0,
  served,
  withPools = true,
  checked = false,
}: {
  problem: ProblemInput;
  demand: readonly NewDemand[];
  movableDays?: number;
  served?: OpenOrdersServed;
  /** False when only the lines and flows matter (a promise): `pools` is then left empty. */
  withPools?: boolean;
  /**
   * The same lines were asked before, by due dates no later than these (a promise asked again by
   * a later week): they passed the optimizer's checks then, and are not checked again.
   */
  checked?: boolean;
}): ServedDemand {
  const first = serveOnce({
    problem,
    demand,
    movableDays,
    served,
    withPools,
    checked,
    caps: demand.map((line) => line.quantity),
  });
  // The flow spreads minutes without regard to unit size, so pieces smaller than a unit may be
  // left in several pool-weeks. Asking for more (served last, it takes nothing from the open
  // orders) fills those pool-weeks whole; the count is then capped at what was asked.
  const lost = first.lines.map((line, i) => Math.floor(line.minutes / demand[i].minutesPerUnit + EPSILON) - line.units);
  if (lost.every((units, i) => units <= 0 || first.lines[i].units >= demand[i].quantity)) return first;
  const fragments = first.lines.map((_, i) => first.flows.filter((flow) => flow.line === i).length);
  return serveOnce({
    problem,
    demand: demand.map((line, i) => ({ ...line, quantity: line.quantity + Math.max(0, lost[i]) + fragments[i] + 1 })),
    movableDays,
    served,
    withPools,
    // The lines just checked, asking for more units: nothing else changed.
    checked: true,
    caps: demand.map((line) => line.quantity),
  });
}

function serveOnce({
  problem,
  demand,
  movableDays,
  served,
  withPools,
  checked,
  caps,
}: {
  problem: ProblemInput;
  demand: readonly NewDemand[];
  movableDays: number;
  served?: OpenOrdersServed;
  withPools: boolean;
  checked: boolean;
  /** Most whole units each line may count. */
  caps: readonly number[];
}): ServedDemand {
  const base = served ?? serveOpenOrders({ problem, movableDays });
  const known = base.instance.jobs.length;
  // A line whose skill no workshop has can get nothing: it is left out of the flow.
  const skills = new Set(base.instance.skills);
  const asked = demand.flatMap((line, index) => (skills.has(line.skill) ? [{ line, index }] : []));
  // The question is carried on the served network itself and undone once answered, so it costs
  // its own lines only; nothing below yields, so no one else sees the network meanwhile.
  const undo = serveAfterInPlace({
    problem,
    served: base,
    lines: asked.map(({ line, index }) => ({ demand: line, id: `${NEW_PREFIX}${String(index).padStart(3, '0')}` })),
    checked,
  });
  try {
    return {
      ...shareOutNewLines({ served: base, asked, known, demand, caps }),
      pools: withPools ? poolLoads(base) : [],
      moved: movableDays > 0 ? findMovedJobs({ ...base, movableDays, isNew: (j) => j >= known }) : [],
    };
  } finally {
    undo();
  }
}

/**
 * Whole units of each new line (jobs `known` on of `served`), node by node, earliest week first.
 * A class may hold new and old jobs alike: they reach the same nodes, so its flow may be shared
 * out in any way. Only whole units count, since a piece of a unit left in one pool-week cannot
 * join another's.
 */
function shareOutNewLines({
  served: { instance, network, solution },
  asked,
  known,
  demand,
  caps,
}: {
  served: OpenOrdersServed;
  asked: readonly { index: number }[];
  known: number;
  demand: readonly NewDemand[];
  caps: readonly number[];
}): Pick<ServedDemand, 'lines' | 'flows'> {
  const lines: ServedLine[] = demand.map(() => ({ units: 0, minutes: 0 }));
  // What new lines took from each arc so far (only their classes' arcs are looked at).
  const taken = new Map<number, number>();
  const flows: NewDemandFlow[] = [];
  asked.forEach(({ index: line }, k) => {
    const j = known + k;
    const minutesPerUnit = instance.jobs[j].job.minutesPerUnit;
    lines[line].minutes = solution.servedMinutes[j];
    let wanted = Math.min(caps[line], Math.floor(solution.servedMinutes[j] / minutesPerUnit + EPSILON));
    const c = network.classOfJob[j];
    if (c < 0) return;
    const arcs = [...network.classes[c].arcs].sort((a, b) => network.arcs[a].week - network.arcs[b].week || a - b);
    for (const a of arcs) {
      if (wanted <= 0) break;
      const left = solution.arcFlow[a] - (taken.get(a) ?? 0);
      const units = Math.min(wanted, Math.floor(left / minutesPerUnit + EPSILON));
      if (units <= 0) continue;
      taken.set(a, (taken.get(a) ?? 0) + units * minutesPerUnit);
      wanted -= units;
      lines[line].units += units;
      const arc = network.arcs[a];
      flows.push({
        line,
        skill: instance.skills[network.classes[c].skill],
        week: arc.week,
        workshopIds: instance.pools[arc.pool].workshops.map((w) => instance.workshops[w].id),
        units,
        minutesPerUnit,
      });
    }
  });
  return { lines, flows };
}

/** Pool-week load after serving (open orders and new demand), with each pool's workshops and skills. */
function poolLoads({ instance, network, solution }: OpenOrdersServed): ServedDemand['pools'] {
  const load = instance.pools.map(() => new Array<number>(instance.weeks).fill(0));
  network.arcs.forEach((arc, a) => (load[arc.pool][arc.week] += solution.arcFlow[a]));
  return instance.pools.map((pool, p) => ({
    workshopIds: pool.workshops.map((w) => instance.workshops[w].id),
    skills: pool.skills.map((s) => instance.skills[s]),
    load: load[p],
    capacity: pool.capacity,
  }));
}
