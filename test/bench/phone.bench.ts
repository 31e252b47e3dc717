/**
 * The phone pages on a cheap Android: Chromium at 360 × 740 with DevTools' "Slow 3G" network and
 * a 4× CPU slowdown, against Kiwanda as deployed (the server in its own process, real sockets).
 * For the artisan's /my-jobs and the officer's /inspections: the first load (nothing cached)
 * and a load once the service worker holds the scripts and the page, each as first contentful
 * paint (the page's content is in its HTML), with the gzipped script that crossed the network.
 * The service worker's own fetches are slowed too, or a cached load would look better than it is.
 *
 * Run with `npm run bench:phone`. Targets: content within 5 s on a first load, within 1 s once
 * cached; at most 150 KB of gzipped script (asserted in test/e2e/phone-offline.test.ts).
 * RUNS (default 3) fresh phones per page, each loading it once with nothing cached and then
 * CACHED_OPENS times (default 3) from the service worker's copy; each row gives the median and
 * the range, since one emulated load on a 4× slowed CPU varies by a few hundred milliseconds.
 * Where a cached open's time goes (main-thread tasks before the first paint, sub-resources):
 * `npx tsx test/bench/phone-trace.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

import { chromiumPath } from '../support/browser';
import { measurePhoneLoad, PHONE_VIEWPORT, throttleServiceWorkers, type PhoneLoad } from '../support/phone-load';
import { phoneBenchPages, startPhoneBenchServer, waitUntilPageCached, type PhoneSession } from './phone-bench-server';

const FIRST_LOAD_TARGET_MS = 5_000;
const CACHED_LOAD_TARGET_MS = 1_000;
const SCRIPT_TARGET_BYTES = 150 * 1024;
const RUNS = Number(process.env.RUNS ?? 3);
const CACHED_OPENS = Number(process.env.CACHED_OPENS ?? 3);

if (!existsSync('build/index.js') || !existsSync('public/sw.js')) {
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startPhoneBenchServer();

/** One fresh phone: the page loaded with nothing cached, then opened again from the worker's copy. */
async function measurePhone(browser: Browser, session: PhoneSession, pagePath: string, contentSelector: string) {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true });
  await context.addCookies([{ ...session, url: server.url }]);
  try {
    const firstPage = await context.newPage();
    const first = await measurePhoneLoad(context, firstPage, `${server.url}${pagePath}`, {
      contentSelector,
      slow: true,
    });
    await waitUntilPageCached(firstPage);
    await firstPage.close();
    await throttleServiceWorkers(browser);
    const cached: PhoneLoad[] = [];
    for (let open = 0; open < CACHED_OPENS; open += 1) {
      const page = await context.newPage();
      cached.push(await measurePhoneLoad(context, page, `${server.url}${pagePath}`, { contentSelector, slow: true }));
      await page.close();
    }
    return { first, cached };
  } finally {
    await context.close();
  }
}

const median = (sorted: number[]) => sorted[Math.floor((sorted.length - 1) / 2)];

function row(page: string, load: string, measured: PhoneLoad[], targetMs: number) {
  const shown = measured.map((one) => Math.round(one.firstContentMs)).sort((left, right) => left - right);
  const scriptBytes = Math.max(...measured.map((one) => one.scriptBytes));
  return {
    page,
    load,
    loads: shown.length,
    'content shown ms (median)': median(shown),
    'range ms': `${shown[0]}–${shown[shown.length - 1]}`,
    'target ms': targetMs,
    'script KB (gzip)': Number((scriptBytes / 1024).toFixed(1)),
    // What the phone parses before it paints: the page itself, styles included.
    'page KB': Number((Math.max(...measured.map((one) => one.documentBytes)) / 1024).toFixed(1)),
    ok: median(shown) <= targetMs && scriptBytes <= SCRIPT_TARGET_BYTES ? 'yes' : 'NO',
  };
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  const rows = [];
  for (const [session, pagePath, selector] of phoneBenchPages(server)) {
    const firsts: PhoneLoad[] = [];
    const cacheds: PhoneLoad[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const { first, cached } = await measurePhone(browser, session, pagePath, selector);
      firsts.push(first);
      cacheds.push(...cached);
    }
    rows.push(
      row(pagePath, 'first', firsts, FIRST_LOAD_TARGET_MS),
      row(pagePath, 'cached', cacheds, CACHED_LOAD_TARGET_MS),
    );
  }
  console.log('Phone pages on Slow 3G (2 s latency, 50 kB/s each way) with a 4× CPU slowdown, 360 × 740:');
  console.table(rows);
} finally {
  await browser.close();
  server.child.send({ type: 'close' });
}
