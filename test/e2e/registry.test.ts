import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan } from '#server/models/index';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('the network registry in Chromium', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/e2e-registry-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    page = await context.newPage();
    page.on('console', (message) => {
      // The refused form is a 400 on purpose; the browser logs every 4xx response.
      if (message.type() === 'error' && !message.text().includes('status of 400')) consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a workshop with an artisan, who then shows on the workshops list and takes days away', async () => {
    await page.goto(`${server.url}/workshops`);
    await page.getByRole('link', { name: 'Add a workshop' }).click();
    await page.waitForURL(/\/workshops\/new$/);
    const form = page.getByTestId('workshop-form');
    await form.getByLabel('Code').fill('umo-301');
    await form.getByLabel('Name').fill('Upendo Beaders');
    await form.getByLabel('Area').selectOption('Umoja');
    await form.getByLabel('Phone (the lead’s)').fill('020 123 4567');
    await form.getByLabel('Beading and wire work').check();
    await form.getByRole('button', { name: 'Add the workshop' }).click();
    // A landline is refused beside the field, and nothing is saved.
    await expect.poll(() => form.locator('.field-error').textContent()).toContain('is not a Kenyan mobile number');
    await shoot('workshop-refused');
    await form.getByLabel('Phone (the lead’s)').fill('0712 345 678');
    await form.getByRole('button', { name: 'Add the workshop' }).click();
    await page.waitForURL(/\/workshops\/[0-9a-f]{24}\?saved=workshop$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('UMO-301 · Upendo Beaders');

    await page.getByRole('link', { name: 'Add an artisan' }).click();
    await page.waitForURL(/\/artisans\/new$/);
    const artisanForm = page.getByTestId('artisan-form');
    await artisanForm.getByLabel('Name').fill('Zawadi Wairimu');
    await artisanForm.getByLabel('Gender').selectOption('female');
    await artisanForm.getByLabel('M-Pesa phone').fill('+254 733 444 555');
    await artisanForm.getByLabel('Hours a week').fill('24');
    await artisanForm.getByLabel('Language of their SMS').selectOption('sw');
    await artisanForm.getByLabel('Beading and wire work').check();
    await shoot('artisan-new');
    await artisanForm.getByRole('button', { name: 'Add the artisan' }).click();
    await page.waitForURL(/\?saved=artisan$/);
    const artisans = page.getByTestId('workshop-artisans');
    await expect.poll(() => artisans.locator('tbody tr').first().textContent()).toContain('Zawadi Wairimu');
    await shoot('workshop-page');
    expect(await Artisan.findOne({ name: 'Zawadi Wairimu' }).lean()).toMatchObject({ phone: '+254733444555' });

    await page.goto(`${server.url}/workshops?q=UMO-301`);
    const row = page.getByTestId('workshops-table').locator('tbody tr', { hasText: 'UMO-301' });
    await expect.poll(() => row.textContent()).toContain('Upendo Beaders');
    expect(await row.locator('td').nth(3).textContent()).toBe('1');
    await shoot('workshops-list');

    await row.getByRole('link', { name: 'UMO-301' }).click();
    await artisans.getByRole('link', { name: 'Zawadi Wairimu' }).click();
    await page.waitForURL(/\/artisans\/[0-9a-f]{24}$/);
    const away = page.getByTestId('declare-absence');
    await away.getByLabel('First day away').fill('2 Mar 2099');
    await away.getByLabel('Last day away').fill('6 Mar 2099');
    await away.getByLabel('Reason (optional)').fill('Chama meeting upcountry');
    await away.getByRole('button', { name: 'Declare days away' }).click();
    await expect.poll(() => page.getByTestId('absences').textContent()).toContain('Chama meeting upcountry');
    await shoot('artisan-page');

    await page.goto(page.url().replace(/\/artisans\/.*$/, '/edit'));
    await expect.poll(() => page.getByTestId('workshop-form').getByLabel('Code').inputValue()).toBe('UMO-301');
    await shoot('workshop-edit');
    expect(consoleErrors).toEqual([]);
  });
});
