import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isoWeekLabel } from '#server/domain/weeks';
import { workingMinutesLeft } from '#server/domain/working-time';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Job } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { signIn } from '../support/sign-in';

/** Saturday 5 December 2026, 10:00 in Nairobi: the current week's working time is over. */
const SATURDAY = new Date('2026-12-05T10:00:00+03:00');

describe('a plan made on a Saturday, in Chromium', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => SATURDAY } });
    await seedDemoNetwork({
      options: { artisans: 90, weeks: 3, seed: 'saturday-e2e', referenceDate: SATURDAY },
      replaceRealData: true,
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers no job due before it is offered and no work in the days already gone', async () => {
    const currentWeek = isoWeekLabel(SATURDAY);
    expect(workingMinutesLeft({ week: currentWeek, now: SATURDAY })).toBe(0);

    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/planning`);
    await page.getByTestId('plan-open-demand').click();
    await page.waitForURL(/\/planning\/[0-9a-f]{24}$/, { timeout: 30_000 });
    const planId = /\/planning\/([0-9a-f]{24})/.exec(page.url())?.[1];
    await page.getByTestId('commit-plan').click();
    await page.locator('[data-testid="plan-page"][data-status="committed"]').waitFor({ timeout: 30_000 });

    const offered = await Job.find({ plan: planId }, { dueDate: 1, plannedWeek: 1, quantity: 1 }).lean();
    expect(offered.length).toBeGreaterThan(0);
    const dueBeforeOffer = offered.filter((job) => job.dueDate.getTime() < SATURDAY.getTime());
    expect(dueBeforeOffer).toEqual([]);
    expect(offered.filter((job) => job.plannedWeek <= currentWeek)).toEqual([]);

    // The week just ended offers nothing more: the workshops' load says so instead of showing
    // every workshop's past work as over capacity.
    await page.goto(`${server.url}/workshops`);
    const firstRowLoads = page.locator('table.data tbody tr').first().locator('.load');
    await firstRowLoads.first().waitFor();
    expect(await firstRowLoads.first().textContent()).toBe(`${currentWeek.slice(5)} week over`);
    expect(await page.locator('.load--ended').count()).toBeGreaterThan(0);
    expect(await page.getByText('no capacity').count()).toBe(0);
    await context.close();
  });
});
