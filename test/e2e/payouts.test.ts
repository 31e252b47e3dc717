import { mkdirSync } from 'node:fs';

import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isoWeekLabel } from '#server/domain/weeks';
import { domainEvents } from '#server/domain-events';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Job } from '#server/models/job';
import { Payment } from '#server/models/payment';
import { SmsMessage } from '#server/models/sms-message';

import { mpesaEnv, seedPassedWork } from '../integration/payouts/payout-fixture';
import {
  africasTalkingHandlers,
  createFakeAfricasTalking,
  FAKE_AT_BASE_URL,
  FAKE_AT_CREDENTIALS,
} from '../mocks/africas-talking';
import { startDarajaStandIn } from '../mocks/daraja-stand-in';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { clearDomainDatabase, connectDomainDatabase } from '../support/domain-database';
import { freePort } from '../support/free-port';
import { signIn } from '../support/sign-in';

/** What the test reads of the page's Remix router: whether it is still loading. */
interface RemixRouterState {
  revalidation: string;
  navigation: { state: string };
}

/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

describe('a manager approves a payout run in Chromium, paid through a Daraja stand-in', { timeout: 150_000 }, () => {
  let server: RunningKiwanda;
  let daraja: Awaited<ReturnType<typeof startDarajaStandIn>>;
  let artisans: Awaited<ReturnType<typeof seedPassedWork>>['artisans'];
  // SMS receipts go to Africa's Talking mocked with MSW, which reports each one delivered.
  let msw: ReturnType<typeof setupServer>;
  const SMS_SECRET = 'kiwanda-e2e-sms-callback-secret-01234';
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const shoot = async (name: string, width = 1440) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.setViewportSize({ width, height: width < 500 ? 740 : 900 });
    await page.screenshot({ path: `${screenshotDir}/payouts-${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  beforeAll(async () => {
    daraja = await startDarajaStandIn();
    const port = await freePort();
    const publicBaseUrl = `http://127.0.0.1:${port}`;
    const sms = createFakeAfricasTalking({
      deliveryReportUrl: `${publicBaseUrl}/integrations/africas-talking/${SMS_SECRET}/sms/delivery-reports`,
    });
    sms.behaviour.report = sms.delivered;
    msw = setupServer(
      ...africasTalkingHandlers(sms),
      http.all(`${daraja.url}/*`, () => passthrough()),
      http.all(`${publicBaseUrl}/*`, () => passthrough()),
    );
    msw.listen({ onUnhandledRequest: 'error' });
    server = await startTestServer({
      env: {
        ...mpesaEnv({ baseUrl: daraja.url, publicBaseUrl }),
        PORT: String(port),
        PAYOUT_POLL_MS: '200',
        SMS_POLL_MS: '200',
        AT_BASE_URL: FAKE_AT_BASE_URL,
        AT_USERNAME: FAKE_AT_CREDENTIALS.username,
        AT_API_KEY: FAKE_AT_CREDENTIALS.apiKey,
        AT_CALLBACK_SECRET: SMS_SECRET,
      },
    });
    await connectDomainDatabase();
    await clearDomainDatabase();
    ({ artisans } = await seedPassedWork({ jobsPerArtisan: [2, 1, 1] }));
    // Planned this week, so the artisans' pay page (the last weeks only) lists them.
    await Job.updateMany({}, { $set: { plannedWeek: isoWeekLabel(new Date()) } });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    msw?.close();
    await daraja?.close();
  });

  it('gathers, approves and shows each payout paid with its M-Pesa receipt', async () => {
    const { name, value } = await signIn({ baseUrl: server.url, role: 'manager' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name, value, url: server.url }]);
    page = await context.newPage();
    collectConsoleErrors(page, consoleErrors);

    await page.goto(`${server.url}/payouts`);
    await expect.poll(() => page.getByRole('link', { name: 'Payouts' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Gather a payout run' }).click();
    const review = page.getByRole('link', { name: 'Review the run' });
    await review.waitFor();
    // A push makes the page load its data again; the gathering's message must survive that, as it
    // must survive the push of the gathering itself, whenever that arrives.
    const reloaded = page.waitForResponse((response) => new URL(response.url()).pathname === '/payouts.data');
    domainEvents.publish('payout:changed', { runId: 'elsewhere', status: 'awaiting_approval' });
    await reloaded;
    await page.waitForFunction(() => {
      const { state } = (window as unknown as { __remixRouter: { state: RemixRouterState } }).__remixRouter;
      return state.revalidation === 'idle' && state.navigation.state === 'idle';
    });
    expect(await review.isVisible()).toBe(true);
    await review.click();
    await page.getByTestId('run-status').filter({ hasText: 'Awaiting approval' }).waitFor();
    expect(await page.getByTestId('payout-row').count()).toBe(3);
    await shoot('review');

    await page.getByRole('button', { name: /Approve and pay/ }).click();
    // The page follows the payouts live: every row turns Paid with a receipt, without a reload.
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 30_000 });
    const receipts = await page.getByTestId('receipt').allTextContents();
    expect(receipts).toHaveLength(3);
    await shoot('paid');
    await shoot('paid-phone', 360);

    // What the artisans' phones read: each payment confirmed, with the receipt the page shows.
    const payments = await Payment.find().lean();
    expect(payments.map((payment) => payment.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    expect(new Set(payments.map((payment) => payment.providerReference))).toEqual(new Set(receipts));
    const sent = daraja.fake.requests.filter((request) => request.path === '/mpesa/b2c/v3/paymentrequest');
    expect(sent).toHaveLength(3);

    await page.goto(`${server.url}/payouts`);
    await page.getByTestId('reconciliation').waitFor();
    await shoot('index');
    expect(await page.getByTestId('reconciliation').innerText()).toContain('Ksh');

    // Each artisan paid gets an SMS receipt, delivered as the (mocked) network reports.
    await page.goto(`${server.url}/messages?kind=receipt`);
    await page.getByTestId('message-row').first().waitFor();
    await expect
      .poll(() => SmsMessage.countDocuments({ kind: 'receipt', status: 'delivered' }), { timeout: 30_000 })
      .toBe(3);
    await page.reload();
    const states = await page.getByTestId('message-state').allTextContents();
    expect(states).toEqual(['Delivered', 'Delivered', 'Delivered']);
    expect(await page.getByTestId('messages-table').innerText()).toContain(receipts[0]);
    await shoot('sms');
    expect(consoleErrors).toEqual([]);
  });

  it('shows an artisan of the run the M-Pesa receipt on their phone', async () => {
    const [artisan] = artisans;
    const { name, value } = await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(artisan._id) });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addCookies([{ name, value, url: server.url }]);
    const phone = await context.newPage();
    const phoneErrors = collectConsoleErrors(phone, []);
    await phone.goto(`${server.url}/my-jobs/earnings`);
    const [receipt] = await Payment.find({ 'payee.artisan': artisan._id }).distinct('providerReference');
    expect(receipt).toMatch(/^[A-Z0-9]{10}$/);
    await phone.getByText(`M-Pesa receipt ${receipt}`, { exact: false }).first().waitFor();
    expect(await phone.getByTestId('total-paid').innerText()).toContain('1,925');
    if (screenshotDir) await phone.screenshot({ path: `${screenshotDir}/payouts-artisan-receipt.png`, fullPage: true });
    expect(phoneErrors).toEqual([]);
    await context.close();
  });
});
