import { mkdirSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('the channels’ API reference in Chromium', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads without signing in and without JavaScript, every operation and schema from the served document', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/developers/api`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Kiwanda channels’ API');
    expect(await page.locator('section h2').allTextContents()).toEqual([
      'POST /api/v1/orders · Send an order',
      'GET /api/v1/orders/{orderId} · Read one of the channel’s orders',
      'POST /api/v1/orders/{orderId}/cancel · Cancel an order before production starts',
      'OrderRequest',
      'Order',
      'Error',
      'ValidationError',
    ]);
    const requestFields = await page.locator('#schema-OrderRequest tbody tr td:first-child').allTextContents();
    expect(requestFields).toEqual(
      expect.arrayContaining(['externalRef', 'customer.store', 'shipBy', 'lines[].sku', 'lines[].quantity']),
    );
    await page.getByRole('link', { name: 'openapi.json' }).click();
    expect(JSON.parse((await page.locator('body').textContent()) ?? '')).toMatchObject({ openapi: '3.1.0' });
    if (screenshotDir) {
      await page.goto(`${server.url}/developers/api`);
      await page.screenshot({ path: `${screenshotDir}/api-reference-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: `${screenshotDir}/api-reference-phone.png` });
    }
    await context.close();
  });
});
