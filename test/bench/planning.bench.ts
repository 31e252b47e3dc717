/**
 * Planning on the full demo network, database reads and writes included: read open demand and
 * capacity → optimizer → save the proposal; then, separately, commit it into job offers.
 * Seeds the default demo network into a fresh in-process embedded server first.
 * Run with `npx tsx test/bench/planning.bench.ts` (RUNS=<n> for the repetitions, ARTISANS=<n>
 * for another network size). Target: planning ≤ 3 s.
 * Then the commit as deployed (deployed-commit.ts): the server in its own process, the commit
 * over HTTP with a planner's socket listening. Target: commit ≤ 1 s on an idle machine.
 */
import mongoose from 'mongoose';

import { SYSTEM_ACTOR, type Actor } from '#server/domain/actor';
import { startEmbeddedMongo } from '#server/embedded-mongo/index';
import { commitPlan } from '#server/planning/commit-plan';
import { readPlanView } from '#server/planning/read-plan-view';
import { startPlanRun } from '#server/planning/start-plan-run';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { measureDeployedCommits } from './deployed-commit';
import { noteStatusesBeforeCommit, undoCommit } from './undo-commit';

const RUNS = Number(process.env.RUNS ?? 5);
const ARTISANS = process.env.ARTISANS ? Number(process.env.ARTISANS) : undefined;
const PLAN_TARGET_MS = 3_000;
const COMMIT_TARGET_MS = 1_000;
const planner: Actor = { ...SYSTEM_ACTOR, kind: 'user', role: 'planner', label: 'benchmark planner' };

interface Sample {
  readMs: number;
  solveMs: number;
  saveMs: number;
  planMs: number;
  commitMs: number;
  /** The proposal page's loader (summary, chart, first page of assignments, diff). */
  viewMs: number;
  demandUnits: number;
  placedUnits: number;
  jobs: number;
}

async function measureOnce(): Promise<Sample> {
  const started = performance.now();
  const outcome = await startPlanRun({ actor: planner, trigger: 'planner' }).outcome;
  const planMs = performance.now() - started;

  const viewStarted = performance.now();
  await readPlanView({ planId: outcome.planId, view: 'assignments' });
  const viewMs = performance.now() - viewStarted;

  const before = await noteStatusesBeforeCommit();

  const commitStarted = performance.now();
  const committed = await commitPlan({ planId: outcome.planId, actor: planner });
  const commitMs = performance.now() - commitStarted;
  await undoCommit({ planId: outcome.planId, ...before });
  return {
    ...outcome.timings,
    planMs,
    commitMs,
    viewMs,
    demandUnits: outcome.demandUnits,
    placedUnits: outcome.placedUnits,
    jobs: committed.jobs,
  };
}

function stats(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

async function main() {
  const server = await startEmbeddedMongo({ port: 0 });
  try {
    await mongoose.connect(server.uri, { dbName: 'kiwanda_planning_bench' });
    const seeded = await seedDemoNetwork({ options: ARTISANS ? { artisans: ARTISANS } : {}, replaceRealData: true });
    console.log(
      `demo network: ${seeded.counts.artisans} artisans, ${seeded.counts.workshops} workshops, ${seeded.counts.orders} orders, ${seeded.counts.jobs} jobs (seeded in ${seeded.generateMs + seeded.writeMs} ms)`,
    );

    // One untimed run warms the JIT and the server's caches, as a long-running process would be.
    await measureOnce();
    const samples: Sample[] = [];
    for (let run = 0; run < RUNS; run++) samples.push(await measureOnce());

    const first = samples[0];
    console.log(
      `open demand: ${first.demandUnits} units; proposal places ${first.placedUnits}; commit creates ${first.jobs} jobs\n`,
    );
    console.table(
      samples.map((sample, index) => ({
        run: index + 1,
        'read ms': sample.readMs,
        'solve ms': sample.solveMs,
        'save ms': sample.saveMs,
        'plan total ms': Math.round(sample.planMs),
        'commit ms': Math.round(sample.commitMs),
        'proposal page loader ms': Math.round(sample.viewMs),
      })),
    );
    const rows = (['readMs', 'solveMs', 'saveMs', 'planMs', 'commitMs', 'viewMs'] as const).map((key) => {
      const { median, min, max } = stats(samples.map((sample) => sample[key]));
      return {
        measure: key,
        median: Math.round(median),
        min: Math.round(min),
        max: Math.round(max),
        spread: `${Math.round(max - min)} ms`,
      };
    });
    console.table(rows);
    const planMedian = stats(samples.map((sample) => sample.planMs)).median;
    console.log(
      `planning the whole network: median ${Math.round(planMedian)} ms (target ≤ ${PLAN_TARGET_MS} ms) ${planMedian <= PLAN_TARGET_MS ? 'OK' : 'OVER TARGET'}`,
    );
  } finally {
    await mongoose.disconnect();
    await server.stop();
  }

  console.log('\ncommit as deployed: the server in its own process, the commit over HTTP, a planner socket listening…');
  const deployed = await measureDeployedCommits({ runs: RUNS });
  const first = deployed[0];
  console.log(`each commit: ${first.jobs} jobs, ${first.units} units, ${first.workshops} workshops\n`);
  console.table(
    deployed.map((sample, index) => ({
      run: index + 1,
      'commit answered ms': Math.round(sample.answerMs),
      'plan:committed heard ms': Math.round(sample.pushedMs),
      'progress reports heard': sample.progressReports,
    })),
  );
  const commitMedian = stats(deployed.map((sample) => sample.answerMs)).median;
  console.log(
    `committing the whole network's plan over HTTP: median ${Math.round(commitMedian)} ms (target ≤ ${COMMIT_TARGET_MS} ms on an idle machine) ${commitMedian <= COMMIT_TARGET_MS ? 'OK' : 'OVER TARGET'}`,
  );
}

await main();
