import { mkdirSync } from 'node:fs';

import { addDays } from 'date-fns';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { nairobiDateString } from '#server/domain/weeks';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { CapacityHold } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('the capacity check in Chromium', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  const consoleErrors: string[] = [];

  const shoot = async (page: Page, name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/e2e-capacity-check-${name}.png`, fullPage: true });
  };
  const openAs = async (role: 'designer' | 'planner'): Promise<{ context: BrowserContext; page: Page }> => {
    const session = await signIn({ baseUrl: server.url, role });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    const page = await context.newPage();
    collectConsoleErrors(page, consoleErrors);
    return { context, page };
  };

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoNetwork({
      options: { seed: 'capacity-check-e2e', artisans: 60, weeks: 4, referenceDate: new Date() },
      replaceRealData: true,
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a designer creates a product at a fair rate, asks, sees the bottleneck and levers, holds; the planner sees and releases the hold', async () => {
    const { page } = await openAs('designer');
    await page.goto(`${server.url}/design/products/new`);
    const form = page.getByTestId('product-form');
    await form.getByLabel('SKU').fill('nyota-01');
    await form.getByLabel('Name').fill('Nyota star cuff');
    await form.getByLabel('Skill').selectOption('brass-casting');
    await form.getByLabel('Labour minutes per unit').fill('90');
    await form.getByLabel('Minimum lot (units)').fill('6');
    await form.getByLabel('Material 1', { exact: true }).fill('Recycled brass');
    await form.getByLabel('Material 1 quantity').fill('30');
    await form.getByLabel('Material 1 unit').fill('g');
    await form.getByLabel('Piece rate (KES a unit)').fill('100');
    // The proposal at the living wage, so the rate is fair where it is set.
    await form.getByRole('button', { name: 'Use this rate' }).click();
    await expect.poll(() => form.getByTestId('piece-rate-flag').first().getAttribute('data-standing')).toBe('living');
    await form.getByLabel('Wholesale price (KES)').fill('2,600');
    await form.getByLabel('Retail price (KES)').fill('5,200');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/design\/products\/[0-9a-f]{24}\?saved=created/);

    await page.goto(`${server.url}/design`);
    await page.getByRole('link', { name: 'Can we make it?' }).first().click();
    await page.waitForURL(/\/design\/check/);
    const by = nairobiDateString(addDays(new Date(), 21));
    await page.getByLabel('Product 1').selectOption({ label: 'NYOTA-01 · Nyota star cuff' });
    await page.getByLabel('Quantity').first().fill('5000');
    // The demo network is busy: let normal-priority orders ship a few days later to make room.
    await page.getByLabel('Allowing normal-priority orders to ship up to a week later').check();
    await page.getByLabel('Ready to ship by').fill(by);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(/by=/);
    const answer = page.getByTestId('check-answer');
    await expect.poll(() => answer.locator('h2').textContent()).toMatch(/^Not all: [\d,]+ of 5,000 by /);
    expect(await page.getByTestId('bottleneck').textContent()).toMatch(
      /^brass casting: \d+ workshops?, \d+% loaded \d+( \w+)?\s?–\s?\d+ \w+/,
    );
    const levers = await page.getByTestId('levers').locator('tbody tr').allTextContents();
    expect(levers.some((text) => text.includes('more hours a week'))).toBe(true);
    expect(levers.some((text) => text.includes('more brass casting workshops'))).toBe(true);
    await shoot(page, 'answer');

    await page.getByRole('button', { name: 'Hold this capacity' }).click();
    await expect.poll(() => page.getByTestId('check-action').textContent()).toMatch(/^Held as HOLD-[0-9A-F]{6}/);
    const hold = await CapacityHold.findOne({ status: 'held' }).lean();
    expect(hold?.lines[0]).toMatchObject({ sku: 'NYOTA-01' });
    expect(hold?.reservations.length).toBeGreaterThan(0);
    await shoot(page, 'held');

    const planner = await openAs('planner');
    await planner.page.goto(`${server.url}/planning`);
    const holds = planner.page.getByTestId('capacity-holds');
    await expect.poll(() => holds.textContent()).toContain(hold?.reference as string);
    expect(await holds.textContent()).toMatch(/Brass casting: [\d,.]+ h/);
    await shoot(planner.page, 'planner');

    // The planner gives the capacity back: the panel comes back without the hold.
    await holds.getByRole('button', { name: `Release ${hold?.reference}` }).click();
    await planner.page.waitForURL(/\/planning\?released=HOLD-/);
    await expect.poll(() => holds.textContent()).toContain('No capacity is held');
    expect(await CapacityHold.findById(hold?._id).lean()).toMatchObject({ status: 'released' });
    await shoot(planner.page, 'released');
    expect(consoleErrors).toEqual([]);
  });
});
