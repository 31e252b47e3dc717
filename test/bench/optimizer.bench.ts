import { createHash } from 'node:crypto';

import { planJobs, type AllocationPlan, type ProblemInput, validateProblem } from '../../optimizer';
import { measureSkillGroupSpread } from './optimizer-fairness';
import { benchIncrementalReplans } from './optimizer-incremental';
import { generatePlanningProblem, type InstanceSettings, seededRandom, shuffled } from './optimizer-instances';
import { type ReferenceResult, solveReference } from './optimizer-reference';

// `npm run bench:optimizer [-- --runs 5 --highs-limit 120 --no-direct --only <name part | incremental>]`
// Plans SOKO-scale networks (400 workshops, ~2,400 artisans, 3,000 order lines, 3 weeks) of two
// shapes — SOKO's trades (16 skill sets) and any pair of the 8 skills (36 skill sets) — over-
// subscribed and not, and a network ten times that size over 6 weeks, several times each, the
// jobs and workshops shuffled differently every run; checks that every run gives the same plan;
// and compares with HiGHS on the direct LP (one column per job × workshop × week). If HiGHS
// cannot finish the direct model, the pooled LP — exact, see optimizer/README.md — stands in as
// the upper bound on fulfilment. The ten-times network is too big for either HiGHS model.

interface BenchInstance {
  name: string;
  settings: InstanceSettings;
  /** The HiGHS models to compare with; 'none' where even the pooled LP is out of HiGHS's reach. */
  reference: 'direct' | 'pooled' | 'none';
  runs?: number;
}

// NOTE: the ten-times network comes first, so that the process's peak memory after it is its own
// (HiGHS, loaded for the later ones, holds far more).
const INSTANCES: BenchInstance[] = [
  {
    name: 'ten times SOKO, 6 weeks, demand 100%',
    settings: { seed: 2030, workshops: 4000, jobs: 30000, weeks: 6, load: 1.0, lots: 'mixed', skillSets: 'pairs' },
    reference: 'none',
    runs: 3,
  },
  {
    name: 'SOKO trades, demand 110%',
    settings: { seed: 2026, workshops: 400, jobs: 3000, weeks: 3, load: 1.1, lots: 'mixed' },
    reference: 'direct',
  },
  {
    name: 'SOKO trades, demand 60%',
    settings: { seed: 2027, workshops: 400, jobs: 3000, weeks: 3, load: 0.6, lots: 'small' },
    reference: 'direct',
  },
  {
    name: 'any skill pairs (36 pools), demand 100%',
    settings: { seed: 2028, workshops: 400, jobs: 3000, weeks: 3, load: 1.0, lots: 'mixed', skillSets: 'pairs' },
    reference: 'pooled',
  },
  {
    name: 'any skill pairs (36 pools), demand 60%',
    settings: { seed: 2029, workshops: 400, jobs: 3000, weeks: 3, load: 0.6, lots: 'small', skillSets: 'pairs' },
    reference: 'pooled',
  },
];

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const defaultRuns = readFlag('--runs', 5);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const highsLimitSeconds = readFlag('--highs-limit', 120);
const skipDirect = process.argv.includes('--no-direct');

const withoutTiming = (plan: AllocationPlan) => JSON.stringify({ ...plan, metrics: { ...plan.metrics, solveMs: 0 } });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percent = (value: number, digits = 2) => `${(value * 100).toFixed(digits)}%`;

async function benchInstance(instance: BenchInstance) {
  const input: ProblemInput = generatePlanningProblem(instance.settings);
  const problem = validateProblem(input);
  const artisans = problem.workshops.reduce((sum, w) => sum + w.artisans, 0);
  const capacity = problem.workshops.reduce((sum, w) => sum + w.capacityMinutes.reduce((a, b) => a + b, 0), 0);
  const demand = problem.jobs.reduce((sum, j) => sum + j.quantity * j.minutesPerUnit, 0);
  log(
    `\n${instance.name}: ${problem.workshops.length} workshops, ${artisans} artisans, ${problem.jobs.length} jobs, ` +
      `${problem.horizon.weeks} weeks, demand ${percent(demand / capacity, 0)} of free capacity`,
  );

  const times: number[] = [];
  const plans: AllocationPlan[] = [];
  const runs = instance.runs ?? defaultRuns;
  const shuffle = seededRandom(instance.settings.seed);
  let peakHeapBytes = 0;
  for (let run = 0; run < runs; run++) {
    // Every run after the first gets the same problem in another order: the plan must not change.
    const ordered =
      run === 0
        ? input
        : { ...input, jobs: shuffled(input.jobs, shuffle), workshops: shuffled(input.workshops, shuffle) };
    const plan = await planJobs(ordered, {
      onProgress: () => (peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed)),
    });
    times.push(plan.metrics.solveMs);
    plans.push(plan);
    log(
      `  planJobs run ${run + 1}: ${plan.metrics.solveMs} ms, ${plan.status}, fulfilment ${percent(plan.metrics.fulfilment, 3)}`,
    );
  }
  const spread = measureSkillGroupSpread({ problem, plan: plans[0] });
  log(
    `  earnings per capacity-hour max/min: within single-skill groups ${spread.withinSkill.toFixed(3)} (worst: ${spread.worstSkill}), ` +
      `across all workshops ${spread.acrossAll.toFixed(3)}`,
  );
  log(
    `  memory: peak heap seen during planning ${Math.round(peakHeapBytes / 2 ** 20)} MiB, ` +
      `process peak resident so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
  const plan = plans[0];
  const deterministic = plans.every((other) => withoutTiming(other) === withoutTiming(plan));
  const priority = new Map(problem.jobs.map((job) => [job.id, job.priority]));
  const weighted = plan.assignments.reduce((sum, a) => sum + a.quantity * priority.get(a.jobId)!, 0);

  const status = [...new Set(plans.map((p) => p.status))].join('/');
  const common = {
    instance: instance.name,
    solveMs: `${median(times)} (${Math.min(...times)}–${Math.max(...times)})`,
    status,
    fulfilment: percent(plan.metrics.fulfilment, 3),
    withinSkill: spread.withinSkill.toFixed(3),
    maxOverMin: String(plan.metrics.earningsPerCapacityHour.maxOverMin ?? '∞'),
    gini: String(plan.metrics.earningsPerCapacityHour.gini),
    deterministic: deterministic ? `yes (${runs} orders)` : 'NO',
    // Compare across bench runs and machines: the same input must always give this plan.
    planHash: createHash('sha256').update(withoutTiming(plan)).digest('hex').slice(0, 12),
  };
  if (instance.reference === 'none') {
    return { ...common, highsMs: 'too big', speedup: '–', highsFulfilment: '–', gap: '–', weightedGap: '–' };
  }

  let reference: ReferenceResult & { model: string };
  const direct =
    skipDirect || instance.reference !== 'direct'
      ? null
      : await solveReference(problem, { model: 'direct', timeLimitSeconds: highsLimitSeconds });
  if (direct)
    log(
      `  HiGHS direct LP: ${direct.columns} columns, ${direct.status} in ${Math.round(direct.ms)} ms${direct.error ? ` (${direct.error})` : ''}`,
    );
  if (direct && direct.status === 'optimal') {
    reference = { ...direct, model: 'direct' };
  } else {
    const pooled = await solveReference(problem, { model: 'pooled', timeLimitSeconds: highsLimitSeconds });
    log(
      `  HiGHS pooled LP (exact upper bound): ${pooled.columns} columns, ${pooled.status} in ${Math.round(pooled.ms)} ms`,
    );
    reference = {
      ...pooled,
      model: 'pooled',
      ms: direct ? direct.ms : pooled.ms,
      status: direct?.status ?? pooled.status,
    };
  }
  return {
    ...common,
    highsMs: direct
      ? direct.status === 'optimal'
        ? String(Math.round(direct.ms))
        : `>${Math.round(direct.ms)} (${direct.status})`
      : 'skipped',
    speedup: direct ? `${(direct.ms / median(times)).toFixed(0)}×${direct.status === 'optimal' ? '' : '+'}` : '–',
    highsFulfilment: `${percent(reference.fulfilment, 3)}${reference.model === 'pooled' ? ' (pooled)' : ''}`,
    gap: percent((reference.fulfilment - plan.metrics.fulfilment) / reference.fulfilment, 3),
    weightedGap: percent((reference.weightedUnits - weighted) / reference.weightedUnits, 3),
  };
}

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

function printTable(rows: Array<Record<string, string>>) {
  const headers: Record<string, string> = {
    instance: 'instance',
    solveMs: 'planJobs ms median (min–max)',
    status: 'status',
    fulfilment: 'fulfilment',
    highsMs: 'HiGHS direct ms',
    speedup: 'speed-up',
    highsFulfilment: 'HiGHS LP fulfilment',
    gap: 'gap',
    weightedGap: 'gap (priority-weighted)',
    withinSkill: 'earnings/cap-h max/min within a skill',
    maxOverMin: 'earnings/cap-h max/min, all',
    gini: 'gini',
    deterministic: 'same plan every run',
    planHash: 'plan sha256',
  };
  const keys = Object.keys(headers);
  const widths = keys.map((key) => Math.max(headers[key].length, ...rows.map((row) => row[key].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  log(`\n${line(keys.map((key) => headers[key]))}`);
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) log(line(keys.map((key) => row[key])));
}

const rows = [];
for (const instance of INSTANCES) {
  if (only === null || instance.name.includes(only)) rows.push(await benchInstance(instance));
}
// `--only incremental` matches no instance: only the incremental re-plan's lines below run.
if (rows.length > 0) printTable(rows);

// The incremental re-plan's own lines (optimizer/replan-incrementally.ts): target ≤ 100 ms, aim ≤ 80.
const incremental = await benchIncrementalReplans({ runs: readFlag('--runs', 5) });
log('\nIncremental re-plan at SOKO scale (400 workshops, 3,000 lines, 3 weeks, 90% load), against its committed plan:');
for (const row of incremental)
  log(
    `- ${row.change}: ${row.ms} ms, CPU ${row.cpuMs} ms (full planJobs ${row.fullMs} ms); ${row.basis} plan; ${row.diff}; ${row.fulfilment}`,
  );
