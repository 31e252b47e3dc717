/**
 * A look inside one cached open of each phone page, on the same emulated phone as
 * `npm run bench:phone` (Slow 3G, 4× CPU slowdown, 360 × 740): what the document and its
 * sub-resources cost and when they arrived, and where the renderer's main thread spent its time
 * before the first contentful paint (Chromium's trace, summed by event name). It measures no
 * target; it says which part of a cached open to work on. Run with `npx tsx test/bench/phone-trace.ts`
 * after `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { chromiumPath } from '../support/browser';
import { measurePhoneLoad, PHONE_VIEWPORT, throttle, throttleServiceWorkers } from '../support/phone-load';
import { phoneBenchPages, startPhoneBenchServer, waitUntilPageCached } from './phone-bench-server';

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'loading',
  'blink.user_timing',
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

const server = await startPhoneBenchServer();

/**
 * The renderer's main thread (the one that painted): each task of at least 10 ms before the first
 * contentful paint, from the navigation's start, with the largest events inside it, and events
 * summed by name.
 */
function mainThreadSummary(events: TraceEvent[], startTs: number, untilTs: number) {
  const paint = events.find((event) => event.name === 'firstContentfulPaint');
  const onMain = events
    .filter((event) => paint && event.pid === paint.pid && event.tid === paint.tid && event.ph === 'X')
    .filter((event) => event.ts >= startTs && event.ts < untilTs)
    .sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((event) => event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask');
  const inside = (task: TraceEvent) =>
    onMain.filter(
      (event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0),
    );
  const longTasks = tasks
    .filter((task) => (task.dur ?? 0) >= 10_000)
    .map((task) => ({
      at: Math.round((task.ts - startTs) / 1000),
      ms: Math.round((task.dur ?? 0) / 1000),
      inside: [...new Map(inside(task).map((event) => [event.name, event])).values()]
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map((event) => `${event.name} ${Math.round((event.dur ?? 0) / 1000)}`)
        .join(', '),
    }));
  const totals = new Map<string, { ms: number; count: number }>();
  for (const event of onMain) {
    const total = totals.get(event.name) ?? { ms: 0, count: 0 };
    total.ms += (event.dur ?? 0) / 1000;
    total.count += 1;
    totals.set(event.name, total);
  }
  const byName = [...totals.entries()]
    .filter(([, total]) => total.ms >= 5)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 20)
    .map(([name, total]) => ({ event: name, ms: Math.round(total.ms), count: total.count }));
  return { longTasks, byName };
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  for (const [session, pagePath, selector] of phoneBenchPages(server)) {
    if (process.env.SAVE_HTML) {
      const html = await fetch(`${server.url}${pagePath}`, { headers: { cookie: `${session.name}=${session.value}` } });
      writeFileSync(path.join(process.env.SAVE_HTML, `${pagePath.slice(1)}.html`), await html.text());
    }
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true });
    await context.addCookies([{ ...session, url: server.url }]);
    const first = await context.newPage();
    await measurePhoneLoad(context, first, `${server.url}${pagePath}`, { contentSelector: selector, slow: true });
    await waitUntilPageCached(first);
    await first.close();
    await throttleServiceWorkers(browser);

    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await throttle(cdp, { slow: true });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(`${server.url}${pagePath}`, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForLoadState('load');
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.startTime < paint)
        .map((entry) => ({
          resource: new URL(entry.name).pathname.slice(0, 48),
          start: Math.round(entry.startTime),
          end: Math.round(entry.responseEnd),
          bytes: entry.decodedBodySize,
        }));
      return {
        firstContentfulPaint: Math.round(paint),
        workerStart: Math.round(navigation.workerStart),
        responseStart: Math.round(navigation.responseStart),
        responseEnd: Math.round(navigation.responseEnd),
        domInteractive: Math.round(navigation.domInteractive),
        htmlBytes: navigation.decodedBodySize,
        resources,
      };
    });
    const paintEvent = trace.traceEvents.find((event) => event.name === 'firstContentfulPaint');
    const paintTs = paintEvent?.ts ?? Infinity;
    // The page's own navigation: the last to start in the painting renderer before its paint.
    const navigationStart = Math.max(
      ...trace.traceEvents
        .filter((event) => event.name === 'navigationStart' && event.ts < paintTs)
        .map((event) => event.ts),
    );
    console.log(`\n${pagePath}, cached open:`, { ...timing, resources: undefined });
    console.table(timing.resources);
    console.log(`main thread before first contentful paint (${Math.round((paintTs - navigationStart) / 1000)} ms):`);
    const summary = mainThreadSummary(trace.traceEvents, navigationStart, paintTs);
    console.table(summary.longTasks);
    console.table(summary.byName);
    await context.close();
  }
} finally {
  await browser.close();
  server.child.send({ type: 'close' });
}
