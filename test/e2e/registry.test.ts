import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan } from '#server/models/index';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

/** HQ's registry (as a planner) and accounts (as an administrator), in one server and one browser. */
describe('the network registry and accounts in Chromium', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let page: Page;
  let admin: Page;
  let newcomer: Page;
  const consoleErrors: string[] = [];

  const shoot = async (name: string, target: Page = page) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await target.screenshot({ path: `${screenshotDir}/e2e-registry-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    page = await context.newPage();
    const adminSession = await signIn({ baseUrl: server.url, role: 'admin' });
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await adminContext.addCookies([{ name: adminSession.name, value: adminSession.value, url: server.url }]);
    admin = await adminContext.newPage();
    // A third browser, of the person whose account is opened and then closed.
    newcomer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    // The refused form is a 400 on purpose.
    collectConsoleErrors(page, consoleErrors, { allowStatuses: [400] });
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

  it('opens an account with a one-time password; deactivating it signs that browser out at its next request', async () => {
    await admin.goto(`${server.url}/`);
    await admin.getByRole('link', { name: 'Admin', exact: true }).click();
    await admin.getByTestId('admin-pages').getByRole('link', { name: 'Accounts' }).click();
    await admin.waitForURL(/\/admin\/users$/);
    const invite = admin.getByTestId('invite-form');
    await invite.getByLabel('Name').fill('Faith Chebet');
    await invite.getByLabel('E-mail').fill('faith.chebet@test.kiwanda');
    await invite.getByLabel('Role').selectOption('planner');
    await invite.getByRole('button', { name: 'Open the account' }).click();
    const notice = admin.getByTestId('one-time-password');
    const password = (await notice.locator('code').textContent({ timeout: 15_000 })) ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await expect.poll(() => admin.getByTestId('users-table').textContent()).toContain('faith.chebet@test.kiwanda');
    await shoot('accounts-list', admin);

    await newcomer.goto(`${server.url}/login`);
    await newcomer.getByLabel('E-mail').fill('faith.chebet@test.kiwanda');
    await newcomer.getByLabel('Password').fill(password);
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    // A one-time password opens only the page where its holder chooses their own.
    await newcomer.waitForURL(/\/account\/password\?redirectTo=%2Foverview$/);
    await expect.poll(() => newcomer.getByTestId('must-choose-password').textContent()).toContain('one-time password');
    await shoot('choose-password', newcomer);
    await newcomer.getByLabel('One-time password').fill(password);
    await newcomer.getByLabel('New password (at least 10 characters)').fill('jacaranda in bloom');
    await newcomer.getByLabel('New password again').fill('jacaranda in bloom');
    await newcomer.getByRole('button', { name: 'Save my password' }).click();
    await newcomer.waitForURL(/\/overview$/);

    await admin.getByTestId('users-table').getByRole('link', { name: 'Faith Chebet' }).click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f]{24}$/);
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toContain('Faith Chebet');
    await shoot('account', admin);
    await admin.getByRole('button', { name: 'Deactivate the account' }).click();
    await expect.poll(() => admin.getByTestId('account-done').textContent()).toContain('1 session ended');
    await shoot('account-deactivated', admin);

    // The newcomer's next request finds no session: back to the sign-in page, and the password no longer opens one.
    await newcomer.getByRole('link', { name: 'Workshops' }).click();
    await newcomer.waitForURL(/\/login\?redirectTo=%2Fworkshops$/);
    await newcomer.getByLabel('E-mail').fill('faith.chebet@test.kiwanda');
    await newcomer.getByLabel('Password').fill('jacaranda in bloom');
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => newcomer.getByRole('alert').textContent()).toContain('do not match an account');
  });
});
