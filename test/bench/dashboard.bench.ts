/**
 * The planner dashboards on the full demo network (≈2,400 artisans, 400 workshops, a year of
 * history), seeded into an in-process embedded database, served by the whole Kiwanda server:
 *
 * - overview and orders loaders (the route modules of the production build, called with a
 *   signed-in planner's request; ITERATIONS after WARMUP), and the same pages over HTTP;
 * - one job status change reaching CLIENTS signed-in planner sockets held by a child process,
 *   over CHANGES changes: from the service call, and from the event's publication.
 *
 * Run with `npx tsx test/bench/dashboard.bench.ts`. Targets: loaders ≤ 150 ms p95; fan-out to
 * 500 sockets ≤ 250 ms p95.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { type ServerBuild } from '@remix-run/node';

import { type AppContext } from '#server/app-context';
import { loadConfig } from '#server/config';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { type Actor } from '#server/domain/actor';
import { startEmbeddedMongo } from '#server/embedded-mongo/index';
import { startKiwandaServer } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { Job } from '#server/models/index';
import { BUILD_PATH } from '#server/remix-build';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { transitionJob } from '#server/services/jobs/transition-job';

import { measureFanOut } from './dashboard-fan-out';
import { signInDemoPlanner } from './sign-in-demo-planner';

const ITERATIONS = Number(process.env.ITERATIONS ?? 60);
const WARMUP = Number(process.env.WARMUP ?? 10);
const CLIENTS = Number(process.env.CLIENTS ?? 500);
const CHANGES = Number(process.env.CHANGES ?? 35);
const LOADER_TARGET_MS = 150;
const FANOUT_TARGET_MS = 250;
const planner: Actor = { kind: 'user', role: 'planner', label: 'benchmark planner' };

interface Row {
  name: string;
  samples: number[];
  target?: number;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function printTable(rows: Row[]): void {
  const header = ['measure', 'n', 'p50 ms', 'p95 ms', 'max ms', 'target', ''];
  const lines = rows.map((row) => {
    const sorted = [...row.samples].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    return [
      row.name,
      String(sorted.length),
      percentile(sorted, 50).toFixed(1),
      p95.toFixed(1),
      sorted[sorted.length - 1].toFixed(1),
      row.target ? `≤ ${row.target} p95` : '',
      row.target ? (p95 <= row.target ? 'ok' : 'MISSED') : (row.note ?? ''),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

async function measure(run: () => Promise<unknown>, before?: () => Promise<void> | void): Promise<number[]> {
  for (let index = 0; index < WARMUP; index += 1) {
    await before?.();
    await run();
  }
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index += 1) {
    await before?.();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

function loaderOf(
  build: ServerBuild,
  context: AppContext,
  routeId: string,
  url: string,
  cookie: string,
): () => Promise<unknown> {
  const loader = build.routes[routeId]?.module.loader;
  if (!loader) throw new Error(`no loader for ${routeId}`);
  return async () => {
    const result = await loader({
      request: new Request(url, { headers: { Cookie: cookie } }),
      params: {},
      context: { ...context, client: { address: '127.0.0.1', cspNonce: '' } },
    });
    if (result instanceof Response && result.status !== 200) throw new Error(`${routeId} answered ${result.status}`);
    return result;
  };
}

function httpGet(url: string, cookie: string): () => Promise<unknown> {
  return async () => {
    const response = await fetch(url, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return response.arrayBuffer();
  };
}

async function main(): Promise<void> {
  if (!existsSync(BUILD_PATH)) {
    console.log('no production build: running `remix build`…');
    const result = spawnSync('npx', ['remix', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const database = await startEmbeddedMongo({ port: 0 });
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: `mongodb://127.0.0.1:${database.port}/kiwanda_dashboard_bench?directConnection=true`,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-dashboard-bench-')),
    SESSION_SECRET: 'kiwanda-dashboard-bench-secret-0123456789',
    LOG_LEVEL: 'warn',
  });
  const server = await startKiwandaServer({ config, logger: createLogger(config) });
  try {
    const seeded = await seedDemoNetwork({ options: { referenceDate: new Date() }, replaceRealData: true });
    clearReadModelCaches();
    console.log(
      `demo network: ${seeded.counts.artisans} artisans, ${seeded.counts.workshops} workshops, ${seeded.counts.orders} orders, ` +
        `${seeded.counts.jobs} jobs, ${seeded.counts.payments} payments (seeded in ${((seeded.generateMs + seeded.writeMs) / 1000).toFixed(1)} s)`,
    );
    const cookie = await signInDemoPlanner(server.url);
    const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
    const page = (pathAndQuery: string) => `${server.url}${pathAndQuery}`;

    const rows: Row[] = [];
    const loader = (routeId: string, pathAndQuery: string) =>
      loaderOf(build, server.context, routeId, page(pathAndQuery), cookie);
    rows.push({
      name: 'overview loader, figures shared since the last change',
      samples: await measure(loader('routes/overview', '/overview')),
      target: LOADER_TARGET_MS,
    });
    // A real change before each call: the job's week, its order's coverage and the overview are computed afresh.
    const toStart = (
      await Job.find({ status: 'accepted' }, { _id: 1 })
        .limit(WARMUP + ITERATIONS)
        .lean()
    ).map((job) => String(job._id));
    const startOne = async () => {
      await transitionJob({ actor: planner, jobId: toStart.pop() as string, to: 'in_progress' });
    };
    rows.push({
      name: 'overview loader, right after a job status change',
      samples: await measure(loader('routes/overview', '/overview'), startOne),
      target: LOADER_TARGET_MS,
    });
    rows.push({
      name: 'overview loader, every figure recomputed (cold)',
      samples: await measure(loader('routes/overview', '/overview'), clearReadModelCaches),
    });
    rows.push({
      name: 'orders loader, open orders (default view)',
      samples: await measure(loader('routes/orders._index', '/orders')),
      target: LOADER_TARGET_MS,
    });
    rows.push({
      name: 'orders loader, all orders by date placed, page 40',
      samples: await measure(loader('routes/orders._index', '/orders?status=all&sort=placedAt&dir=desc&page=40')),
      target: LOADER_TARGET_MS,
    });
    rows.push({
      name: 'orders loader, skill + search + ship-by range',
      samples: await measure(
        loader('routes/orders._index', '/orders?status=all&skill=horn-carving&q=an&shipFrom=2026-01-01'),
      ),
      target: LOADER_TARGET_MS,
    });
    rows.push({
      name: 'workshops loader (shared figures)',
      samples: await measure(loader('routes/workshops._index', '/workshops?sort=load&dir=desc')),
    });
    rows.push({ name: 'jobs board loader, this week', samples: await measure(loader('routes/jobs', '/jobs')) });
    rows.push({
      name: 'HTTP GET /overview.data (root + overview loaders)',
      samples: await measure(httpGet(page('/overview.data'), cookie)),
    });
    rows.push({
      name: 'HTTP GET /overview (server-rendered page)',
      samples: await measure(httpGet(page('/overview'), cookie)),
    });
    rows.push({ name: 'HTTP GET /orders.data', samples: await measure(httpGet(page('/orders.data'), cookie)) });

    const fanOut = await measureFanOut({ url: server.url, cookie, clients: CLIENTS, changes: CHANGES, actor: planner });
    rows.push({
      name: `job status change → all ${CLIENTS} sockets, from the service call`,
      samples: fanOut.fromCall,
      target: FANOUT_TARGET_MS,
    });
    rows.push({
      name: `job status change → all ${CLIENTS} sockets, from the event`,
      samples: fanOut.fromPublish,
      target: FANOUT_TARGET_MS,
    });
    rows.push({
      name: 'job status change → each socket, from the service call',
      samples: fanOut.each,
      note: 'per delivery',
    });
    console.log(`\n${CLIENTS} planner sockets connected in ${(fanOut.connectMs / 1000).toFixed(1)} s\n`);
    printTable(rows);
  } finally {
    await server.close();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
