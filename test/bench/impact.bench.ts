/**
 * The impact report on the full demo network (≈2,400 artisans, a year of history), seeded into an
 * embedded database and served by the whole Kiwanda server over HTTP, as a signed-in manager:
 * the /impact page for a whole year, and its PDF.
 *
 * Run with `npm run bench:impact`. Targets: the year's page ≤ 300 ms p95; the PDF ≤ 3 s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadConfig } from '#server/config';
import { nairobiCalendarDay, nairobiDate, nairobiDateString } from '#server/domain/weeks';
import { startEmbeddedMongo } from '#server/embedded-mongo/index';
import { startKiwandaServer } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

const ITERATIONS = Number(process.env.ITERATIONS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 3);
const PAGE_TARGET_MS = 300;
const PDF_TARGET_MS = 3000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timeGets(url: string, cookie: string, iterations: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < WARMUP + iterations; index++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (index >= WARMUP) samples.push(performance.now() - started);
  }
  return samples.sort((left, right) => left - right);
}

async function main() {
  const database = await startEmbeddedMongo({ port: 0 });
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: `mongodb://127.0.0.1:${database.port}/kiwanda_impact_bench?directConnection=true`,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-impact-bench-')),
    SESSION_SECRET: 'kiwanda-impact-bench-secret-0123456789',
    LOG_LEVEL: 'warn',
  });
  const server = await startKiwandaServer({ config, logger: createLogger(config) });
  try {
    const seeded = await seedDemoNetwork({ options: { referenceDate: new Date() }, replaceRealData: true });
    console.log(`demo network: ${seeded.counts.artisans} artisans, ${seeded.counts.payments} payments`);
    const login = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'manager@demo.kiwanda', password: 'kiwanda-demo', redirectTo: '/' }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 302 || !cookie) throw new Error(`manager sign-in failed: ${login.status}`);
    // The demo's year of history ends today: the twelve months before it, as a custom period.
    const today = nairobiCalendarDay(new Date());
    const day = (year: number) => `${year}-${String(today.month).padStart(2, '0')}-01`;
    const year = `kind=custom&from=${day(today.year - 1)}&to=${nairobiDateString(nairobiDate({ ...today, day: 0 }))}`;
    const page = await timeGets(`${server.url}/impact?${year}`, cookie, ITERATIONS);
    const pdf = await timeGets(`${server.url}/impact.pdf?${year}`, cookie, Math.max(3, ITERATIONS / 4));
    for (const [name, samples, target] of [
      ['/impact, last 12 months', page, PAGE_TARGET_MS],
      ['/impact.pdf, last 12 months', pdf, PDF_TARGET_MS],
    ] as const) {
      const p95 = percentile(samples, 95);
      console.log(
        `${name}: n=${samples.length} p50=${percentile(samples, 50).toFixed(0)} ms p95=${p95.toFixed(0)} ms target ≤${target} ms ${p95 <= target ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    await server.close();
    await database.stop();
  }
}

await main();
