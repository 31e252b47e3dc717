import { type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

/**
 * Chrome DevTools' "Slow 3G" preset (500 kbit/s × 0.8 each way, 400 ms × 5 of latency), the
 * network of a cheap Android on a weak signal, and its slow CPU (DevTools' 4× slowdown).
 */
export const SLOW_3G = { offline: false, latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
export const CHEAP_ANDROID_CPU_SLOWDOWN = 4;

export const PHONE_VIEWPORT = { width: 360, height: 740 };

export interface PhoneLoad {
  /**
   * First contentful paint, from the start of the navigation: when the phone shows the page.
   * (The page's own content is in its HTML, so it is what the first paint shows; the DOM holding
   * it earlier means nothing while the style sheets still block the paint.)
   */
  firstContentMs: number;
  /** Bytes of JavaScript that came over the network, as sent (gzipped), headers included. */
  scriptBytes: number;
  /** Every script that came over the network, for a report of what the page pulls in. */
  scripts: { url: string; bytes: number }[];
  /** Bytes of the page's HTML as the browser parsed it (decoded), from the network or the worker's copy. */
  documentBytes: number;
}

/** Slows the page's own requests, and its CPU, as the emulated phone would. */
export async function throttle(cdp: CDPSession, { slow }: { slow: boolean }): Promise<void> {
  if (!slow) return;
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CHEAP_ANDROID_CPU_SLOWDOWN });
}

/**
 * Slows the service workers' own fetches too: a network-first page the worker fetches would
 * otherwise come over a fast network, and the cached load would look better than it is.
 */
export async function throttleServiceWorkers(browser: Browser): Promise<void> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  let id = 0;
  for (const target of targetInfos.filter((info) => info.type === 'service_worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    for (const [method, params] of [
      ['Network.enable', {}],
      ['Network.emulateNetworkConditions', SLOW_3G],
    ] as const) {
      id += 1;
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    }
  }
}

/** Loads `url` in `page` and measures when its content shows and what script it downloaded. */
export async function measurePhoneLoad(
  context: BrowserContext,
  page: Page,
  url: string,
  { contentSelector, slow }: { contentSelector: string; slow: boolean },
): Promise<PhoneLoad> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await throttle(cdp, { slow });
  const scriptRequests = new Map<string, string>();
  const scripts: { url: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (event) => {
    // Served by the service worker from its cache: nothing crossed the network.
    if (event.type === 'Script' && !event.response.fromServiceWorker && !event.response.fromDiskCache)
      scriptRequests.set(event.requestId, event.response.url);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const scriptUrl = scriptRequests.get(event.requestId);
    if (scriptUrl) scripts.push({ url: new URL(scriptUrl).pathname, bytes: event.encodedDataLength });
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(contentSelector).first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForLoadState('load');
  // Scripts still arriving after the content count too: they are what the phone pays for.
  await page.waitForLoadState('networkidle');
  const { firstContentMs, documentBytes } = await page.evaluate(() => ({
    firstContentMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    documentBytes: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).decodedBodySize,
  }));
  await cdp.detach();
  return { firstContentMs, scriptBytes: scripts.reduce((sum, s) => sum + s.bytes, 0), scripts, documentBytes };
}
