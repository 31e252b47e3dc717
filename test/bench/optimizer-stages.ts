import { createHash } from 'node:crypto';

import { planJobs, type PlanPhase, validateProblem } from '../../optimizer';
import { measureSkillGroupSpread } from './optimizer-fairness';
import { generatePlanningProblem, type InstanceSettings } from './optimizer-instances';

// `npm run bench:optimizer-stages [-- --runs 3 --instance ten]`
// Where planJobs spends its time, stage by stage, on one benchmark instance: wall-clock and CPU
// milliseconds of every stage (read off the progress reports, which mark where each stage starts),
// the best of several runs, plus the plan's hash and earnings spread. CPU time is shown because
// on a shared machine wall-clock time says more about the neighbours than about the code.

const INSTANCES: Record<string, InstanceSettings> = {
  ten: { seed: 2030, workshops: 4000, jobs: 30000, weeks: 6, load: 1.0, lots: 'mixed', skillSets: 'pairs' },
  'ten-60': { seed: 2031, workshops: 4000, jobs: 30000, weeks: 6, load: 0.6, lots: 'small', skillSets: 'pairs' },
  'soko-110': { seed: 2026, workshops: 400, jobs: 3000, weeks: 3, load: 1.1, lots: 'mixed' },
  'soko-60': { seed: 2027, workshops: 400, jobs: 3000, weeks: 3, load: 0.6, lots: 'small' },
  'pairs-100': { seed: 2028, workshops: 400, jobs: 3000, weeks: 3, load: 1.0, lots: 'mixed', skillSets: 'pairs' },
  'pairs-60': { seed: 2029, workshops: 400, jobs: 3000, weeks: 3, load: 0.6, lots: 'small', skillSets: 'pairs' },
};

const flag = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const runs = Number(flag('--runs', '3'));
const name = flag('--instance', 'ten');
const settings = INSTANCES[name];
if (!settings) throw new Error(`--instance must be one of ${Object.keys(INSTANCES).join(', ')}`);

const input = generatePlanningProblem(settings);
const problem = validateProblem(input);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const best = new Map<PlanPhase, { wallMs: number; cpuMs: number }>();
for (let run = 0; run < runs; run++) {
  const marks: Array<{ phase: PlanPhase; wallMs: number; cpuMs: number }> = [];
  const plan = await planJobs(input, {
    onProgress: (progress) => marks.push({ phase: progress.phase, wallMs: progress.elapsedMs, cpuMs: cpuMs() }),
  });
  const stages = marks.slice(0, -1).map((mark, i) => ({
    phase: mark.phase,
    wallMs: marks[i + 1].wallMs - mark.wallMs,
    cpuMs: Math.round(marks[i + 1].cpuMs - mark.cpuMs),
  }));
  for (const stage of stages) {
    const seen = best.get(stage.phase);
    best.set(stage.phase, {
      wallMs: Math.min(seen?.wallMs ?? Infinity, stage.wallMs),
      cpuMs: Math.min(seen?.cpuMs ?? Infinity, stage.cpuMs),
    });
  }
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...plan, metrics: { ...plan.metrics, solveMs: 0 } }))
    .digest('hex')
    .slice(0, 12);
  const spread = measureSkillGroupSpread({ problem, plan });
  console.log(
    `${name} run ${run + 1}: ${plan.metrics.solveMs} ms, ${plan.status}, fulfilment ${plan.metrics.fulfilment}, ` +
      `plan ${hash}, earnings/cap-h max/min within a skill ${spread.withinSkill.toFixed(3)} (all ${spread.acrossAll.toFixed(3)})`,
  );
  console.log(`  ${stages.map((stage) => `${stage.phase} ${stage.wallMs} ms (cpu ${stage.cpuMs})`).join(', ')}`);
}
const total = [...best.values()].reduce((sum, stage) => sum + stage.wallMs, 0);
console.log(
  `best of ${runs}: ${[...best].map(([phase, stage]) => `${phase} ${stage.wallMs} ms (cpu ${stage.cpuMs})`).join(', ')}; ` +
    `sum ${total} ms; process peak resident ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
);
