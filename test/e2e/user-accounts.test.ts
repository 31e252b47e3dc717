import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { signIn } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('accounts in Chromium', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let admin: Page;
  let newcomer: Page;

  const shoot = async (name: string, page: Page) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/e2e-accounts-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startTestServer();
    const session = await signIn({ baseUrl: server.url, role: 'admin' });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await adminContext.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    admin = await adminContext.newPage();
    // A second browser, of the person whose account is opened and then closed.
    newcomer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens an account with a one-time password; deactivating it signs that browser out at its next request', async () => {
    await admin.goto(`${server.url}/`);
    await admin.getByRole('link', { name: 'Accounts' }).click();
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
    await shoot('list', admin);

    await newcomer.goto(`${server.url}/login`);
    await newcomer.getByLabel('E-mail').fill('faith.chebet@test.kiwanda');
    await newcomer.getByLabel('Password').fill(password);
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    await newcomer.waitForURL(/\/overview$/);

    await admin.getByTestId('users-table').getByRole('link', { name: 'Faith Chebet' }).click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f]{24}$/);
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toContain('Faith Chebet');
    await shoot('account', admin);
    await admin.getByRole('button', { name: 'Deactivate the account' }).click();
    await expect.poll(() => admin.getByTestId('account-done').textContent()).toContain('1 session ended');
    await shoot('deactivated', admin);

    // The newcomer's next request finds no session: back to the sign-in page, and the password no longer opens one.
    await newcomer.getByRole('link', { name: 'Workshops' }).click();
    await newcomer.waitForURL(/\/login\?redirectTo=%2Fworkshops$/);
    await newcomer.getByLabel('E-mail').fill('faith.chebet@test.kiwanda');
    await newcomer.getByLabel('Password').fill(password);
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => newcomer.getByRole('alert').textContent()).toContain('do not match an account');
  });
});
