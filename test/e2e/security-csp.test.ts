import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { signIn } from '../support/sign-in';

const SHOTS = '/tmp/shots-hardweb';
/** The main pages of the desktop app (an admin may open each). */
const PAGES = [
  '/overview',
  '/orders',
  '/workshops',
  '/jobs',
  '/planning',
  '/impact',
  '/design',
  '/admin/users',
  '/admin/wages',
  '/developers/api',
];

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Pages rendered on the main thread, and on a page thread (server/page-threads/) as in production. */
describe.each([
  { where: 'the main thread', pageThreads: 0 },
  { where: 'a page thread', pageThreads: 1 },
])('the Content-Security-Policy in Chromium, pages rendered on $where', { timeout: 120_000 }, ({ pageThreads }) => {
  let server: RunningKiwanda;
  let browser: Browser;
  let context: BrowserContext;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ pageThreads });
    await seedDemoNetwork({
      options: { seed: 'csp-e2e', artisans: 80, weeks: 4, referenceDate: new Date() },
      replaceRealData: true,
    });
    clearReadModelCaches();
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const admin = await signIn({ baseUrl: server.url, role: 'admin' });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Init scripts run outside the page's policy: they record every violation the page causes.
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await context.addCookies([{ name: admin.name, value: admin.value, url: server.url }]);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders, hydrates and connects live on every main page without a single violation', async () => {
    const page = await context.newPage();
    collectConsoleErrors(page, consoleErrors, { withUrl: true });
    const violations: Record<string, string[]> = {};
    for (const path of PAGES) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      // Hydrated and connected: the live indicator is driven by the socket, from the browser's script.
      await page.locator('[data-testid=live-indicator][data-status=connected]').waitFor();
      violations[path] = await page.evaluate(() => window.cspViolations ?? []);
      await page.screenshot({ path: `${SHOTS}/${path.slice(1).replaceAll('/', '-')}-${pageThreads}.png` });
    }
    // A client-side navigation (fetching data, not a document) is covered too.
    await page.click('a[href="/orders"]');
    await page.waitForURL(/\/orders$/);
    violations['navigation'] = await page.evaluate(() => window.cspViolations ?? []);

    expect(violations).toEqual(Object.fromEntries([...PAGES, 'navigation'].map((path) => [path, []])));
    // On a page thread, every page above and the navigation's data were rendered there.
    const rendered = server.pageThreads?.status().reduce((sum, thread) => sum + thread.answered, 0) ?? 0;
    expect(rendered).toBeGreaterThanOrEqual(pageThreads > 0 ? PAGES.length + 1 : 0);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
  });

  it('signs in on the login page under the policy (form, redirect, scripts)', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await anonymous.newPage();
      const { user } = await signIn({ baseUrl: server.url, role: 'planner' });
      await page.goto(`${server.url}/login?redirectTo=/overview`, { waitUntil: 'networkidle' });
      await page.screenshot({ path: `${SHOTS}/login-phone.png` });
      await page.fill('input[name=email]', user.email);
      await page.fill('input[name=password]', 'kiwanda-test-password');
      await Promise.all([page.waitForURL(/\/overview$/), page.click('form.login__form button[type=submit]')]);
      expect(await page.evaluate(() => document.querySelectorAll('script:not([nonce])').length)).toBe(0);
    } finally {
      await anonymous.close();
    }
  });
});
