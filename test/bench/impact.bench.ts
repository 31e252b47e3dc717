/**
 * The impact report as deployed: the full demo network (≈2,400 artisans, a year of history) is
 * seeded by `npm run seed` into a fresh data directory, then `npm start`'s entry point serves it
 * in its own process (with its embedded database), and this process asks for it over HTTP as a
 * signed-in manager: the /impact page for the last twelve months, and its PDF. Every request
 * computes the report from the pre-aggregates; nothing is cached between requests.
 *
 * Run with `npm run bench:impact`. Targets: the year's page ≤ 300 ms p95; the PDF ≤ 3 s.
 * RUNS (default 3) rounds of ITERATIONS page requests (default 20) and PDF_ITERATIONS PDFs (5).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { nairobiCalendarDay, nairobiDate, nairobiDateString } from '#server/domain/weeks';
import { BUILD_PATH } from '#server/remix-build';

const RUNS = Number(process.env.RUNS ?? 3);
const ITERATIONS = Number(process.env.ITERATIONS ?? 20);
const PDF_ITERATIONS = Number(process.env.PDF_ITERATIONS ?? 5);
const WARMUP = 3;
const PAGE_TARGET_MS = 300;
const PDF_TARGET_MS = 3000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function timedGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function samplesOf(url: string, cookie: string, iterations: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < iterations; index++) samples.push(await timedGet(url, cookie));
  return samples.sort((left, right) => left - right);
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ready = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  if (!existsSync(BUILD_PATH)) {
    console.log('no production build: running `remix build`…');
    const build = spawnSync('npx', ['remix', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiwanda-impact-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    SESSION_SECRET: 'kiwanda-impact-bench-secret-0123456789',
    LOG_LEVEL: 'warn',
  };
  delete env.MONGODB_URI;
  const seedStarted = performance.now();
  const seed = spawnSync('node', ['--import', 'tsx', 'server/seed/cli.ts', '--replace'], { env, stdio: 'inherit' });
  if (seed.status !== 0) throw new Error(`seeding failed with ${seed.status}`);
  console.log(`demo network seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn('node', ['--import', 'tsx', 'server/start.ts'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForServer(url, server);
    const login = await fetch(`${url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'manager@demo.kiwanda', password: 'kiwanda-demo', redirectTo: '/' }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 302 || !cookie) throw new Error(`manager sign-in failed: ${login.status}`);

    // The demo's year of history ends today: the twelve whole months before this one.
    const today = nairobiCalendarDay(new Date());
    const from = nairobiDateString(nairobiDate({ year: today.year - 1, month: today.month, day: 1 }));
    const to = nairobiDateString(nairobiDate({ ...today, day: 0 }));
    const query = `kind=custom&from=${from}&to=${to}`;
    // The first read finds the aggregates missing (the seed writes around the services) and builds them.
    console.log(
      `first request, building the aggregates: ${(await timedGet(`${url}/impact?${query}`, cookie)).toFixed(0)} ms`,
    );
    await samplesOf(`${url}/impact?${query}`, cookie, WARMUP);

    const rounds: { page: number[]; pdf: number[] }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const page = await samplesOf(`${url}/impact?${query}`, cookie, ITERATIONS);
      const pdf = await samplesOf(`${url}/impact.pdf?${query}`, cookie, PDF_ITERATIONS);
      rounds.push({ page, pdf });
      const line = (samples: number[]) =>
        `p50=${percentile(samples, 50).toFixed(0)} ms p95=${percentile(samples, 95).toFixed(0)} ms ` +
        `range ${samples[0].toFixed(0)}–${samples.at(-1)!.toFixed(0)} ms`;
      console.log(
        `run ${run}: /impact (12 months, n=${page.length}) ${line(page)}; /impact.pdf (n=${pdf.length}) ${line(pdf)}`,
      );
    }
    for (const [name, key, target] of [
      ['/impact, last 12 months', 'page', PAGE_TARGET_MS],
      ['/impact.pdf, last 12 months', 'pdf', PDF_TARGET_MS],
    ] as const) {
      const p95s = rounds.map((round) => percentile(round[key], 95));
      const p50s = rounds.map((round) => percentile(round[key], 50));
      const worst = Math.max(...p95s);
      console.log(
        `${name}: p50 ${Math.min(...p50s).toFixed(0)}–${Math.max(...p50s).toFixed(0)} ms, ` +
          `p95 ${Math.min(...p95s).toFixed(0)}–${worst.toFixed(0)} ms over ${RUNS} runs; target p95 ≤${target} ms ${worst <= target ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
