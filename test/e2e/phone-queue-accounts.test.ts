import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isoWeekLabel } from '#server/domain/weeks';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, Job, PhoneAction, Workshop } from '#server/models/index';

import { makeJob } from '../factories/jobs';
import { makeArtisan, makeWorkshop } from '../factories/network';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { clearDomainDatabase } from '../support/domain-database';
import { pageKeptOffline, queuedActionCount } from '../support/phone-probes';
import { signIn, TEST_PASSWORD } from '../support/sign-in';

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('one phone, two artisans: queued actions stay with the account that took them', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let first: Awaited<ReturnType<typeof signIn>>;
  let second: Awaited<ReturnType<typeof signIn>>;
  let firstJobId: string;
  let secondJobId: string;

  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/accounts-${name}.png`, fullPage: true });
  };
  const offerOf = (jobId: string) => page.locator(`[data-testid="offer"][data-job-id="${jobId}"]`);
  const workOf = (jobId: string) => page.locator(`[data-testid="work"][data-job-id="${jobId}"]`);
  const signOut = () => page.locator('.app-header').getByRole('button', { name: 'Sign out' }).click();
  const signInAs = async (email: string) => {
    await page.goto(`${server.url}/login?redirectTo=/my-jobs`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/my-jobs$/);
  };

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    const week = isoWeekLabel(new Date());
    const sessions = [];
    const jobIds = [];
    for (const area of ['Mathare', 'Kibera'] as const) {
      const workshop = await Workshop.create(makeWorkshop({ area }));
      const maker = await Artisan.create(makeArtisan({ workshop: workshop._id }));
      const job = await Job.create(makeJob({ workshop: workshop._id, quantity: 2, plannedWeek: week }));
      jobIds.push(String(job._id));
      sessions.push(await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(maker._id) }));
    }
    [first, second] = sessions;
    [firstJobId, secondJobId] = jobIds;
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    page = await phone.newPage();
    cdp = await phone.newCDPSession(page);
    await cdp.send('Network.enable');
  }, 120_000);

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.close();
  });

  it('asks before signing out with actions waiting, and keeps them', async () => {
    await signInAs(first.user.email);
    await pageKeptOffline(page, `data-job-id="${firstJobId}"`);
    // The phone has a signal but the server cannot be reached: the accept waits on the phone.
    await cdp.send('Network.setBlockedURLs', { urls: ['*/phone-actions'] });
    await offerOf(firstJobId).getByTestId('accept').click();
    await offerOf(firstJobId).getByTestId('job-pending').waitFor();
    await page.locator('[data-testid="queue-count"][data-count="1"]').waitFor();

    await signOut();
    const warning = page.getByTestId('sign-out-warning');
    await warning.waitFor();
    expect(await warning.locator('#sign-out-question').textContent()).toBe(
      '1 action still waiting to be sent — sign out anyway?',
    );
    await shoot('sign-out-warning');
    await page.getByTestId('stay-signed-in').click();
    await warning.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/my-jobs$/);

    await signOut();
    await page.getByTestId('sign-out-anyway').click();
    await page.waitForURL(/\/login/);
    expect(await queuedActionCount(page)).toBe(1);
    expect(await Job.findById(firstJobId).lean()).toMatchObject({ status: 'offered' });
  });

  it('never sends or shows them for another account on the same phone', async () => {
    await cdp.send('Network.setBlockedURLs', { urls: [] });
    await signInAs(second.user.email);
    await offerOf(secondJobId).waitFor();
    expect(await page.getByTestId('queue-count').count()).toBe(0);
    expect(await page.getByTestId('job-pending').count()).toBe(0);
    // The queue sends in order: once the second artisan's own accept is answered, anything of
    // the first artisan's it would have sent has been sent before it.
    await offerOf(secondJobId).getByTestId('accept').click();
    await workOf(secondJobId).getByTestId('job-answer').waitFor();
    expect(await workOf(secondJobId).getByTestId('job-answer').textContent()).toBe('Offer accepted.');
    expect(await page.locator(`[data-job-id="${firstJobId}"]`).count()).toBe(0);
    expect(await Job.findById(firstJobId).lean()).toMatchObject({ status: 'offered' });
    expect(await PhoneAction.countDocuments({ 'result.jobId': firstJobId })).toBe(0);
    expect(await queuedActionCount(page)).toBe(1);
    await shoot('second-account');

    // Sent as the wrong account anyway (a sign-out in another tab): refused, and kept by the phone.
    const crossed = await fetch(`${server.url}/phone-actions`, {
      method: 'POST',
      headers: { cookie: second.cookie, 'x-kiwanda-queued-by': first.user.id },
      body: new URLSearchParams({ kind: 'accept', jobId: firstJobId, actionId: 'crossed-accounts-0001' }),
    });
    expect(crossed.status).toBe(409);
    expect(await crossed.json()).toMatchObject({ ok: false, kind: 'other-account' });

    // Nothing of theirs waits: the second artisan signs out without being asked.
    await signOut();
    await page.waitForURL(/\/login/);
  });

  it('sends them once when the same account signs in again', async () => {
    await signInAs(first.user.email);
    await workOf(firstJobId).getByTestId('job-answer').waitFor();
    // Reached from the sign-in page, the phone page is styled as when opened directly.
    const tab = page.locator('.phone-tabs__tab').first();
    expect(await tab.evaluate((element) => getComputedStyle(element).minHeight)).toBe('48px');
    expect(await workOf(firstJobId).getByTestId('job-answer').textContent()).toBe('Offer accepted.');
    expect(await page.getByTestId('queue-count').count()).toBe(0);
    expect(await queuedActionCount(page)).toBe(0);
    expect(await Job.findById(firstJobId).lean()).toMatchObject({ status: 'accepted' });
    expect(await PhoneAction.countDocuments({ 'result.jobId': firstJobId })).toBe(1);
  });
});
