import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Product } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('the catalogue in Chromium', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const shoot = async (name: string, target: Page = page) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await target.screenshot({ path: `${screenshotDir}/e2e-catalogue-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoNetwork({
      options: { seed: 'catalogue-e2e', artisans: 60, weeks: 4, referenceDate: new Date() },
      replaceRealData: true,
    });
    const session = await signIn({ baseUrl: server.url, role: 'designer' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    page = await context.newPage();
    // The refused form is a 400 on purpose.
    collectConsoleErrors(page, consoleErrors, { allowStatuses: [400] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the collections and products, filters them, and creates a product from the form', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/design');
    await expect.poll(() => page.getByTestId('products-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await shoot('list');

    await page.getByLabel('Skill').selectOption('horn-carving');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/skill=horn-carving/);
    const skills = await page.getByTestId('products-table').locator('tbody td:nth-child(3)').allTextContents();
    expect(skills.length).toBeGreaterThan(0);
    expect(new Set(skills)).toEqual(new Set(['Horn carving']));

    await page.getByRole('link', { name: 'New product' }).click();
    await page.waitForURL(/\/design\/products\/new/);
    const form = page.getByTestId('product-form');
    await form.getByLabel('SKU').fill('mwezi-01');
    await form.getByLabel('Name').fill('Mwezi crescent studs');
    await form.getByLabel('Skill').selectOption('brass-casting');
    await form.getByLabel('Labour minutes per unit').fill('45');
    await form.getByLabel('Material 1', { exact: true }).fill('Recycled brass');
    await form.getByLabel('Material 1 quantity').fill('9');
    await form.getByLabel('Material 1 unit').fill('g');
    // The fair-rate figures follow the typing: KES 100 for 45 minutes is KES 133 an hour, under the living wage.
    await form.getByLabel('Piece rate (KES a unit)').fill('100');
    const flag = form.getByTestId('piece-rate-flag').first();
    await expect.poll(() => flag.getAttribute('data-standing')).toBe('below-living');
    expect(await form.getByTestId('effective-hourly').textContent()).toMatch(/133/);
    await shoot('fair-rate-flagged');
    // The proposal at the living wage (KES 170.76 an hour) for 45 minutes is KES 129 a unit.
    await form.getByRole('button', { name: 'Use this rate' }).click();
    expect(await form.getByLabel('Piece rate (KES a unit)').inputValue()).toBe('129.00');
    await expect.poll(() => flag.getAttribute('data-standing')).toBe('living');
    await form.getByLabel('Wholesale price (KES)').fill('2,200');
    await form.getByLabel('Retail price (KES)').fill('1,900');
    await form.getByRole('button', { name: 'Create product' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('is above the retail price');
    await shoot('refused');

    await form.getByLabel('Retail price (KES)').fill('4,400');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/design\/products\/[0-9a-f]{24}\?saved=created/);
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Product created.');
    await shoot('created');
    expect(await page.getByTestId('piece-rate-flag').first().getAttribute('data-standing')).toBe('living');
    expect(await Product.findOne({ sku: 'MWEZI-01' }).lean()).toMatchObject({
      labourMinutesPerUnit: 45,
      pieceRateCents: 12_900,
      retailPriceCents: 440_000,
      materials: [{ name: 'Recycled brass', quantity: 9, unit: 'g' }],
    });
    expect(consoleErrors).toEqual([]);
  });
});
