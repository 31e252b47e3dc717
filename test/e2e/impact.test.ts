import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Role } from '#server/domain/roles';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan } from '#server/models/artisan';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { readPdf } from '../support/read-pdf';
import { signIn } from '../support/sign-in';
import { seedImpactNetwork } from './impact-network';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

/** The server's clock: the page opens on the last whole month, February 2026. */
const NOW = new Date('2026-03-10T09:00:00Z');

describe('the impact report in Chromium', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;

  const shoot = async (page: Page, name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/impact-${name}.png`, fullPage: true });
  };

  async function pageAs(role: Role, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const artisan = role === 'artisan' ? await Artisan.findOne({}, { _id: 1 }).lean() : null;
    const session = await signIn({ baseUrl: server.url, role, artisanId: artisan ? String(artisan._id) : undefined });
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => NOW } });
    await seedImpactNetwork({ now: NOW });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a manager read the report, change the period, download CSV and PDF and drill down', async () => {
    const page = await pageAs('manager');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.url}/impact`);
    await expect.poll(() => page.getByTestId('impact-distribution-chart').count()).toBe(1);
    // impact-network.ts pays each of its nine artisans once every four weeks: once in February.
    await expect.poll(() => page.getByTestId('impact-period').textContent()).toContain('Feb 2026');
    const paid = await page.getByTestId('impact-artisans-paid').locator('.kpi__value').textContent();
    expect(paid?.trim()).toBe('9');
    await shoot(page, 'report-month');

    // A quarter: the one holding the last whole month the page opened with.
    const month = await page.locator('input[name="month"]').inputValue();
    const quarter = `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
    await page.selectOption('select[name="kind"]', 'quarter');
    await page.fill('input[name="quarter"]', quarter);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/kind=quarter/);
    await expect.poll(() => page.getByTestId('impact-period').textContent()).toContain(quarter);
    await shoot(page, 'report-quarter');

    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('impact-table-figures').locator('xpath=../..').getByRole('link', { name: 'CSV' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    expect(csv.startsWith('\uFEFFFigure,')).toBe(true);
    expect(csv).toContain("Makers' share of revenue");

    const pdfDownload = page.waitForEvent('download');
    await page.getByTestId('impact-pdf-link').click();
    const pdf = readFileSync((await (await pdfDownload).path())!);
    if (screenshotDir) writeFileSync(`${screenshotDir}/impact-report.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text, fonts } = await readPdf(pdf);
    expect(pages).toBe(3);
    // Regular and bold, each embedded in the file.
    expect(fonts.length).toBe(2);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    const shareOnPage = await page.getByTestId('impact-makers-share').locator('.kpi__value').textContent();
    expect(text).toContain("Makers' share of revenue");
    expect(text).toContain(shareOnPage);
    expect(text).toContain(quarter);

    await page.getByTestId('impact-table-areas').locator('tbody th a').first().click();
    await page.waitForURL(/\/impact\/areas\//);
    await expect.poll(() => page.getByTestId('impact-table-artisans').locator('tbody tr').count()).toBeGreaterThan(0);
    await shoot(page, 'area');
    await page.getByTestId('impact-table-artisans').locator('tbody th a').first().click();
    await page.waitForURL(/\/impact\/artisans\//);
    await expect.poll(() => page.getByTestId('impact-table-history').locator('tbody tr').count()).toBe(12);
    await shoot(page, 'artisan');
    expect(errors).toEqual([]);
  });

  it('refuses an artisan and a designer', async () => {
    for (const role of ['designer', 'artisan'] as const) {
      const page = await pageAs(role);
      const response = await page.goto(`${server.url}/impact`);
      expect(response?.status()).toBe(403);
    }
  });

  it('shows the public page without sign-in, cacheable and with no names', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/impact/public`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toMatch(/public, max-age=\d+/);
    const paid = await page.getByTestId('public-artisans-paid').locator('.kpi__value').textContent();
    expect(paid?.trim()).toBe('9');
    const text = (await page.locator('body').textContent()) ?? '';
    const artisans = await Artisan.find({}, { name: 1 }).lean();
    expect(artisans.filter((artisan) => text.includes(artisan.name))).toEqual([]);
    // Kibera's seven artisans are shown; Mathare's two only within a count of the small areas.
    const areas = await page
      .getByTestId('public-areas')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].slice(0, 2).map((cell) => cell.textContent)),
      );
    expect(areas).toEqual([
      ['Kibera', '7'],
      ['Other areas, fewer than 5 artisans each', '2'],
    ]);
    await shoot(page, 'public-phone');
    await context.close();
  });
});
