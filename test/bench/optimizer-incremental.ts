import {
  planJobs,
  type ProblemInput,
  replanIncrementally,
  validateProblem,
  type CommittedAssignment,
} from '../../optimizer';
import { weightedUnits } from '../../optimizer/fulfilment-bound';
import { generatePlanningProblem, type InstanceSettings } from './optimizer-instances';

// The incremental re-plan at SOKO scale (400 workshops, 3,000 order lines, 3 weeks): the base
// problem is planned and its plan committed, then one change arrives — 1% or 5% more order lines,
// 5% of the lines cancelled, or the busiest workshop loses a week's capacity — and
// replanIncrementally answers it. Timed as
// the median of several runs; its priority-weighted fulfilment is compared with planJobs' full
// re-plan of the changed problem.

interface Change {
  name: string;
  apply: (base: ProblemInput, committed: readonly CommittedAssignment[]) => ProblemInput;
}

const SOKO: InstanceSettings = { seed: 2027, workshops: 400, jobs: 3000, weeks: 3, load: 0.9, lots: 'mixed' };

const newOrders = (share: number): Change => ({
  name: `new orders: +${Math.round(share * 100)}% lines`,
  apply: (base) => {
    // Lines drawn like the base's (the generator sizes lines to the whole instance's demand).
    const extra = generatePlanningProblem({ ...SOKO, seed: SOKO.seed + 1000 }).jobs.slice(
      0,
      Math.round(SOKO.jobs * share),
    );
    return { ...base, jobs: [...base.jobs, ...extra.map((job) => ({ ...job, id: `NEW-${job.id}` }))] };
  },
});

const cancellations = (share: number): Change => ({
  name: `cancelled orders: −${Math.round(share * 100)}% lines`,
  apply: (base) => {
    // Every (1/share)-th line, so the cancelled work is spread over skills and weeks as the base's is.
    const every = Math.round(1 / share);
    return { ...base, jobs: base.jobs.filter((_, index) => index % every !== every - 1) };
  },
});

const capacityDrop: Change = {
  name: "one workshop's capacity drops (busiest, week 1 to zero)",
  apply: (base, committed) => {
    const minutes = new Map<string, number>();
    const perUnit = new Map(base.jobs.map((job) => [job.id, job.minutesPerUnit]));
    for (const a of committed)
      if (a.week === 1)
        minutes.set(a.workshopId, (minutes.get(a.workshopId) ?? 0) + a.quantity * perUnit.get(a.jobId)!);
    const busiest = [...minutes].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
    return {
      ...base,
      workshops: base.workshops.map((w) =>
        w.id === busiest ? { ...w, capacityMinutes: w.capacityMinutes.map((m, t) => (t === 1 ? 0 : m)) } : w,
      ),
    };
  },
};

export async function benchIncrementalReplans({ runs }: { runs: number }): Promise<Array<Record<string, string>>> {
  const base = generatePlanningProblem(SOKO);
  const committed = (await planJobs(base)).assignments;
  const rows: Array<Record<string, string>> = [];
  for (const change of [newOrders(0.01), newOrders(0.05), cancellations(0.05), capacityDrop]) {
    const changed = change.apply(base, committed);
    const problem = validateProblem(changed);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let last: Awaited<ReturnType<typeof replanIncrementally>> | null = null;
    for (let run = 0; run < runs; run++) {
      const [started, cpu] = [performance.now(), process.cpuUsage()];
      last = await replanIncrementally({ problem: changed, committed });
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    const full = await planJobs(changed);
    const moved = last!.changes.filter((c) => c.from && c.to).reduce((sum, c) => sum + c.units, 0);
    const dropped = last!.changes.filter((c) => c.from && !c.to).reduce((sum, c) => sum + c.units, 0);
    const added = last!.changes.filter((c) => !c.from).reduce((sum, c) => sum + c.units, 0);
    const achieved = weightedUnits({ problem, assignments: last!.plan.assignments });
    const reference = weightedUnits({ problem, assignments: full.assignments });
    const sorted = [...times].sort((a, b) => a - b);
    const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
    rows.push({
      change: change.name,
      ms: `${Math.round(sorted[Math.floor(sorted.length / 2)])} (${Math.round(sorted[0])}–${Math.round(sorted[sorted.length - 1])})`,
      // CPU time: the figure to compare on a shared machine (wall time waits for the other work).
      cpuMs: `${Math.round(cpuSorted[Math.floor(cpuSorted.length / 2)])} (${Math.round(cpuSorted[0])}–${Math.round(cpuSorted[cpuSorted.length - 1])})`,
      fullMs: String(full.metrics.solveMs),
      basis: last!.basis,
      diff: `${last!.changes.length} entries: ${added} units new, ${moved} moved, ${dropped} dropped; ${last!.keptUnits} kept`,
      fulfilment: `${(achieved / Math.max(1, reference)).toFixed(5)}× full re-plan's priority-weighted units`,
    });
  }
  return rows;
}
