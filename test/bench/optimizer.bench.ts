import { createHash } from 'node:crypto';

import { planJobs, type AllocationPlan, type ProblemInput, validateProblem } from '../../optimizer';
import { generatePlanningProblem, type InstanceSettings } from './optimizer-instances';
import { type ReferenceResult, solveReference } from './optimizer-reference';

// `npm run bench:optimizer [-- --runs 5 --highs-limit 120 --no-direct]`
// Plans a SOKO-scale network (400 workshops, ~2,400 artisans, 3,000 order lines, 3 weeks) that is
// over-subscribed, and a non-saturated one (demand ≈ 60% of capacity, small lots), several times
// each; checks that every run gives the same plan; and compares with HiGHS on the direct LP
// (one column per job × workshop × week). If HiGHS cannot finish the direct model, the pooled
// LP — exact, see optimizer/README.md — stands in as the upper bound on fulfilment.

interface BenchInstance {
  name: string;
  settings: InstanceSettings;
}

const INSTANCES: BenchInstance[] = [
  {
    name: 'SOKO-scale, demand 110%',
    settings: { seed: 2026, workshops: 400, jobs: 3000, weeks: 3, load: 1.1, lots: 'mixed' },
  },
  {
    name: 'non-saturated, demand 60%',
    settings: { seed: 2027, workshops: 400, jobs: 3000, weeks: 3, load: 0.6, lots: 'small' },
  },
];

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const runs = readFlag('--runs', 5);
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
  for (let run = 0; run < runs; run++) {
    const plan = await planJobs(input);
    times.push(plan.metrics.solveMs);
    plans.push(plan);
    log(
      `  planJobs run ${run + 1}: ${plan.metrics.solveMs} ms, ${plan.status}, fulfilment ${percent(plan.metrics.fulfilment, 3)}`,
    );
  }
  const plan = plans[0];
  const deterministic = plans.every((other) => withoutTiming(other) === withoutTiming(plan));
  const priority = new Map(problem.jobs.map((job) => [job.id, job.priority]));
  const weighted = plan.assignments.reduce((sum, a) => sum + a.quantity * priority.get(a.jobId)!, 0);

  let reference: ReferenceResult & { model: string };
  const direct = skipDirect
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
    instance: instance.name,
    solveMs: `${median(times)} (${Math.min(...times)}–${Math.max(...times)})`,
    fulfilment: percent(plan.metrics.fulfilment, 3),
    highsMs: direct
      ? direct.status === 'optimal'
        ? String(Math.round(direct.ms))
        : `>${Math.round(direct.ms)} (${direct.status})`
      : 'skipped',
    speedup: direct ? `${(direct.ms / median(times)).toFixed(0)}×${direct.status === 'optimal' ? '' : '+'}` : '–',
    highsFulfilment: `${percent(reference.fulfilment, 3)}${reference.model === 'pooled' ? ' (pooled)' : ''}`,
    gap: percent((reference.fulfilment - plan.metrics.fulfilment) / reference.fulfilment, 3),
    weightedGap: percent((reference.weightedUnits - weighted) / reference.weightedUnits, 3),
    maxOverMin: String(plan.metrics.earningsPerCapacityHour.maxOverMin ?? '∞'),
    gini: String(plan.metrics.earningsPerCapacityHour.gini),
    deterministic: deterministic ? `yes (${runs} runs)` : 'NO',
    // Compare across bench runs and machines: the same input must always give this plan.
    planHash: createHash('sha256').update(withoutTiming(plan)).digest('hex').slice(0, 12),
  };
}

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

function printTable(rows: Array<Record<string, string>>) {
  const headers: Record<string, string> = {
    instance: 'instance',
    solveMs: 'planJobs ms median (min–max)',
    fulfilment: 'fulfilment',
    highsMs: 'HiGHS direct ms',
    speedup: 'speed-up',
    highsFulfilment: 'HiGHS LP fulfilment',
    gap: 'gap',
    weightedGap: 'gap (priority-weighted)',
    maxOverMin: 'earnings/cap-h max/min',
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
for (const instance of INSTANCES) rows.push(await benchInstance(instance));
printTable(rows);
