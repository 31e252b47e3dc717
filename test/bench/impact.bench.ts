/**
 * The impact report as deployed: the full demo network (≈2,400 artisans, a year of history) is
 * seeded by `npm run seed` into a fresh data directory, then `npm start`'s entry point serves it
 * in its own process (with its embedded database), and this process asks for it over HTTP as a
 * signed-in manager: the /impact page for four shapes of period in rotation (the last twelve
 * months, the last month, the last whole quarter, and a custom period whose ends cut months, so
 * that day rows are read too), and the year's PDF. Every request computes the report from the
 * pre-aggregates; no whole report is cached between requests.
 *
 * Run with `npm run bench:impact`. Targets: the page ≤ 300 ms p95 (every shape); the PDF ≤ 3 s.
 * RUNS (default 3) rounds of ITERATIONS page requests per shape (default 10) and PDF_ITERATIONS
 * PDFs (5). IMPACT_PROFILE_DIR=<dir> runs the server under `node --cpu-prof` and leaves its
 * .cpuprofile there (read it with test/bench/cpu-profile-summary.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { nairobiCalendarDay, nairobiDate, nairobiDateString } from '#server/domain/weeks';
import { BUILD_PATH } from '#server/remix-build';

const RUNS = Number(process.env.RUNS ?? 3);
const ITERATIONS = Number(process.env.ITERATIONS ?? 10);
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

const line = (samples: readonly number[]) => {
  const sorted = [...samples].sort((left, right) => left - right);
  return (
    `p50=${percentile(sorted, 50).toFixed(0)} ms p95=${percentile(sorted, 95).toFixed(0)} ms ` +
    `range ${sorted[0].toFixed(0)}–${sorted.at(-1)!.toFixed(0)} ms`
  );
};

/** The shapes of period a manager asks for, each as its query string, ending with the last whole month. */
function periodShapes(now: Date): { name: string; query: string }[] {
  const today = nairobiCalendarDay(now);
  const monthText = (offset: number) =>
    nairobiDateString(nairobiDate({ ...today, month: today.month + offset, day: 1 }));
  const dayText = (monthOffset: number, day: number) =>
    nairobiDateString(nairobiDate({ ...today, month: today.month + monthOffset, day }));
  const lastMonth = monthText(-1).slice(0, 7);
  // The last quarter that has ended: the one before the quarter holding today.
  const quarterIndex = today.year * 4 + Math.floor((today.month - 1) / 3) - 1;
  const quarter = `${Math.floor(quarterIndex / 4)}-Q${(quarterIndex % 4) + 1}`;
  return [
    { name: 'last 12 months', query: `kind=custom&from=${monthText(-12)}&to=${dayText(0, 0)}` },
    { name: 'month', query: `kind=month&month=${lastMonth}` },
    { name: 'quarter', query: `kind=quarter&quarter=${quarter}` },
    { name: 'custom, cut months', query: `kind=custom&from=${dayText(-5, 15)}&to=${dayText(-1, 10)}` },
  ];
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
  const profileDir = process.env.IMPACT_PROFILE_DIR;
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [];
  const server: ChildProcess = spawn('node', [...profiling, '--import', 'tsx', 'server/start.ts'], {
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

    // The demo's year of history ends today: every shape ends with the last whole month.
    const shapes = periodShapes(new Date());
    const year = shapes[0].query;
    // The first read finds the aggregates missing (the seed writes around the services) and builds them.
    console.log(
      `first request, building the aggregates: ${(await timedGet(`${url}/impact?${year}`, cookie)).toFixed(0)} ms`,
    );
    for (const shape of shapes) await samplesOf(`${url}/impact?${shape.query}`, cookie, WARMUP);

    const pages = new Map(shapes.map((shape) => [shape.name, [] as number[]]));
    const pdfs: number[] = [];
    const p95s: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const round: number[] = [];
      // In rotation, so no shape has the process to itself.
      for (let index = 0; index < ITERATIONS; index++) {
        for (const shape of shapes) {
          const sample = await timedGet(`${url}/impact?${shape.query}`, cookie);
          pages.get(shape.name)!.push(sample);
          round.push(sample);
        }
      }
      const pdf = await samplesOf(`${url}/impact.pdf?${year}`, cookie, PDF_ITERATIONS);
      pdfs.push(...pdf);
      round.sort((left, right) => left - right);
      p95s.push(percentile(round, 95));
      console.log(
        `run ${run}: /impact (every shape, n=${round.length}) ${line(round)}; /impact.pdf (n=${pdf.length}) ${line(pdf)}`,
      );
    }
    for (const shape of shapes)
      console.log(
        `/impact, ${shape.name} (${shape.query}), n=${pages.get(shape.name)!.length}: ${line(pages.get(shape.name)!)}`,
      );
    const all = [...pages.values()].flat();
    const worstPage = Math.max(
      ...shapes.map((shape) =>
        percentile(
          [...pages.get(shape.name)!].sort((l, r) => l - r),
          95,
        ),
      ),
    );
    console.log(
      `/impact, every shape, n=${all.length}: ${line(all)}; per-run p95 ${Math.min(...p95s).toFixed(0)}–${Math.max(...p95s).toFixed(0)} ms; ` +
        `worst shape p95 ${worstPage.toFixed(0)} ms, target ≤${PAGE_TARGET_MS} ms ${worstPage <= PAGE_TARGET_MS ? 'ok' : 'OVER'}`,
    );
    const pdfP95 = percentile(
      [...pdfs].sort((l, r) => l - r),
      95,
    );
    console.log(
      `/impact.pdf, last 12 months, n=${pdfs.length}: ${line(pdfs)}; target p95 ≤${PDF_TARGET_MS} ms ${pdfP95 <= PDF_TARGET_MS ? 'ok' : 'OVER'}`,
    );
    const html = await fetch(`${url}/impact?${year}`, { headers: { Cookie: cookie } }).then((response) =>
      response.text(),
    );
    console.log(`/impact, last 12 months: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB of HTML`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
