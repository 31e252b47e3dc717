import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readWorkshopFreeMinutes } from '#server/capacity/index';
import { SYSTEM_ACTOR, type Actor } from '#server/domain/actor';
import { isoWeekLabel, nairobiDateString, shiftWeekLabel } from '#server/domain/weeks';
import { workingTimeEnd } from '#server/domain/working-time';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Job, Order, Plan, Product } from '#server/models/index';
import { planningHorizon } from '#server/planning/planning-horizon';
import { startPlanRun } from '#server/planning/start-plan-run';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { createOrder } from '#server/services/orders/create-order';

import { formatDay } from '../../app/format';
import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { collectConsoleErrors } from '../support/console-errors';
import { signIn } from '../support/sign-in';

const PLANNER: Actor = { kind: 'user', role: 'planner', label: 'e2e planner' };
/** Set KIWANDA_SCREENSHOTS=/some/dir to keep screenshots of each step for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

/** An order the network can make: a product of the skill with the most free time left this horizon. */
async function placeOrder(units: number): Promise<void> {
  const now = new Date();
  const { workshops } = await readWorkshopFreeMinutes({ now, weeks: planningHorizon({ now }).labels });
  const free = (workshop: (typeof workshops)[number]) =>
    workshop.freeMinutes.slice(1).reduce((sum, minutes) => sum + minutes, 0);
  const roomiest = workshops.sort((left, right) => free(right) - free(left))[0];
  const product = await Product.findOne({ active: true, requiredSkill: { $in: roomiest.skills } })
    .sort({ labourMinutesPerUnit: 1 })
    .lean();
  if (!product) throw new Error('the demo network has no active product the roomiest workshop can make');
  await createOrder({
    actor: PLANNER,
    source: 'web',
    customer: { name: `E2E customer ${units}`, country: 'KE' },
    lines: [{ productId: String(product._id), quantity: units }],
    shipBy: workingTimeEnd({ week: shiftWeekLabel(isoWeekLabel(now), 2) }) as Date,
  });
}

describe('planning in Chromium', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/e2e-planning-${name}.png`, fullPage: true });
  };
  const proposalId = () => /\/planning\/([0-9a-f]{24})/.exec(page.url())?.[1] ?? '';

  /** Presses "Plan open demand" and records every progress phase the bar shows until the proposal opens. */
  async function planOpenDemand(button = 'plan-open-demand'): Promise<string[]> {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { phasesSeen: string[] }).phasesSeen = seen;
      new MutationObserver(() => {
        const phase = document.querySelector('[data-testid="plan-progress"]')?.getAttribute('data-phase');
        if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const before = page.url();
    await page.getByTestId(button).click();
    await page.waitForURL((url) => /^\/planning\/[0-9a-f]{24}$/.test(url.pathname) && url.href !== before, {
      timeout: 20_000,
    });
    await page.getByTestId('plan-page').waitFor();
    return page.evaluate(() => (window as unknown as { phasesSeen: string[] }).phasesSeen);
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoNetwork({ options: { artisans: 90, weeks: 3, seed: 'planning-e2e' }, replaceRealData: true });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    page = await context.newPage();
    collectConsoleErrors(page, consoleErrors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plans without JavaScript too: the form posts and the proposal page follows', async () => {
    await placeOrder(6);
    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    const plain = await browser.newContext({ javaScriptEnabled: false });
    try {
      await plain.addCookies([{ name: session.name, value: session.value, url: server.url }]);
      const noScript = await plain.newPage();
      await noScript.goto(`${server.url}/planning`);
      await Promise.all([
        noScript.waitForURL(/\/planning\/[0-9a-f]{24}$/, { timeout: 20_000 }),
        noScript.getByTestId('plan-open-demand').click(),
      ]);
      expect(await noScript.getByTestId('plan-page').getAttribute('data-status')).toBe('proposal');
      expect(await noScript.locator('[data-testid="assignments-table"] tbody tr').count()).toBeGreaterThan(0);
    } finally {
      await plain.close();
    }
  });

  it('lets a planner plan open demand with live progress, review the proposal and commit it', async () => {
    await placeOrder(12);
    await page.goto(`${server.url}/planning`);
    await page.locator('[data-testid="live-indicator"][data-status="connected"]').waitFor({ timeout: 10_000 });
    await shoot('index');

    const phases = await planOpenDemand();
    // Phases beyond the bar's own "starting" came over the socket as plan:progress events.
    // The bar starts with the page's own "starting", unless the server's first report beat it there.
    expect(['starting', 'reading']).toContain(phases[0]);
    expect(phases.some((phase) => phase !== 'starting')).toBe(true);
    // The bar never says "Done" before the proposal is saved: done comes last, once, if seen at all.
    expect(phases.filter((phase) => phase === 'done').length).toBeLessThanOrEqual(1);
    if (phases.includes('done')) expect(phases.at(-1)).toBe('done');

    const planId = proposalId();
    const plan = await Plan.findById(planId).lean();
    expect(plan?.status).toBe('proposal');
    expect(await page.getByTestId('plan-page').getAttribute('data-status')).toBe('proposal');
    const placed = (plan?.assignments ?? []).reduce((sum, assignment) => sum + assignment.quantity, 0);
    expect(await page.locator('[data-testid="kpi-placed"] .kpi__value').textContent()).toBe(
      placed.toLocaleString('en-KE'),
    );
    expect(await page.locator('[data-testid="assignments-table"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="earnings-chart"] svg.recharts-surface').count()).toBeGreaterThan(0);
    // The solve time says what it means for the plan, never the optimizer's internal status.
    const solve = (await page.getByTestId('kpi-solve').textContent()) ?? '';
    expect(solve).toMatch(/plan/);
    expect(solve).not.toMatch(/optimizer|timedout|feasible|optimal/);
    await shoot('proposal');

    // The commit's progress comes over the socket while it runs.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { commitPhases: string[] }).commitPhases = seen;
      new MutationObserver(() => {
        const phase = document.querySelector('[data-testid="commit-progress"]')?.getAttribute('data-phase');
        if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('commit-plan').click();
    await page.getByTestId('commit-result').waitFor({ timeout: 20_000 });
    const committedJobs = await Job.find({ plan: planId }, { quantity: 1, workshop: 1 }).lean();
    const jobs = committedJobs.length;
    const units = committedJobs.reduce((sum, job) => sum + job.quantity, 0);
    const workshops = new Set(committedJobs.map((job) => String(job.workshop))).size;
    expect(jobs).toBe(plan?.assignments.length);
    expect(await page.getByTestId('commit-result').textContent()).toContain(
      `Committed: ${jobs.toLocaleString('en-KE')} jobs (${units.toLocaleString('en-KE')} units) offered to ${workshops}`,
    );
    expect(await page.evaluate(() => (window as unknown as { commitPhases: string[] }).commitPhases)).toContain(
      'committing',
    );
    await page.locator('[data-testid="plan-page"][data-status="committed"]').waitFor();
    await shoot('committed');

    // The live feed has one entry for the whole commit, and no line per job offered.
    await page.goto(`${server.url}/overview`);
    const feed = (await page.getByTestId('live-feed').locator('li').allTextContents()).join('\n');
    expect(feed).toContain(
      `Plan committed: ${jobs.toLocaleString('en-KE')} jobs, ${units.toLocaleString('en-KE')} units`,
    );
    expect(feed).not.toMatch(/offered to| planned/);
  });

  it('shows a suggested proposal from the automatic re-plan, live, with when and why', async () => {
    await page.goto(`${server.url}/planning`);
    await page.locator('[data-testid="live-indicator"][data-status="connected"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('suggested-proposals').count()).toBe(0);

    // What the re-planner does after a burst of orders (its debounce is tested in the integration tests).
    const { planId } = await startPlanRun({ actor: SYSTEM_ACTOR, trigger: 'auto', reason: '2 new orders' }).outcome;

    // plan:proposed reaches the open page, which reloads its data without a page reload.
    const suggestion = page.getByTestId('suggested-proposals');
    await suggestion.waitFor({ timeout: 5_000 });
    expect(await suggestion.textContent()).toContain('2 new orders');
    expect(await suggestion.locator(`a[href="/planning/${planId}"]`).count()).toBe(1);
    await shoot('suggested');
  });

  it('lets a manager read plans but not run or commit them', async () => {
    const manager = await signIn({ baseUrl: server.url, role: 'manager' });
    const reader = await browser.newContext();
    try {
      await reader.addCookies([{ name: manager.name, value: manager.value, url: server.url }]);
      const managerPage = await reader.newPage();
      const planId = String((await Plan.findOne({ status: 'proposal' }).sort({ createdAt: -1 }).lean())?._id);
      await managerPage.goto(`${server.url}/planning/${planId}`);
      await managerPage.getByTestId('plan-page').waitFor();
      expect(await managerPage.getByTestId('plan-open-demand').count()).toBe(0);
      expect(await managerPage.getByTestId('commit-plan').count()).toBe(0);
      expect(await managerPage.getByTestId('commit-panel').textContent()).toContain('Only planners commit plans');

      const commit = await fetch(`${server.url}/planning/${planId}`, {
        method: 'POST',
        headers: { Cookie: manager.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ intent: 'commit' }),
      });
      expect(commit.status).toBe(403);
      expect((await Plan.findById(planId).lean())?.status).toBe('proposal');
    } finally {
      await reader.close();
    }
  });

  it('refuses a stale proposal with a clear message and re-plans on request', async () => {
    await placeOrder(8);
    await page.goto(`${server.url}/planning`);
    await planOpenDemand();
    const staleId = proposalId();
    // An order arrives while the planner reads the proposal.
    await placeOrder(4);

    // The open page hears of it live: it warns that the data moved (or, had it just reloaded,
    // already knows the proposal is stale); either way without a reload.
    await page
      .locator('[data-testid="data-changed"], [data-testid="commit-error"]')
      .first()
      .waitFor({ timeout: 10_000 });
    // Loaded afresh, the page says the proposal is stale and will not offer the commit.
    await page.reload();
    await page.getByTestId('commit-error').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('commit-plan').isDisabled()).toBe(true);

    // A commit posted anyway (a page that missed the push, a second tab) is refused by the server.
    const staleCommit = await page.request.post(`${server.url}/planning/${staleId}`, {
      form: { intent: 'commit' },
      maxRedirects: 0,
    });
    expect(staleCommit.status()).toBe(409);
    expect(await staleCommit.text()).toMatch(
      /Orders or capacity changed since this proposal was computed \(1 order changed since .+\); re-plan before committing/,
    );
    expect(await Job.countDocuments({ plan: staleId })).toBe(0);
    expect((await Plan.findById(staleId).lean())?.status).toBe('proposal');
    await shoot('stale');

    await planOpenDemand('replan-now');
    const freshId = proposalId();
    expect(freshId).not.toBe(staleId);
    await page.getByTestId('commit-plan').click();
    await page.getByTestId('commit-result').waitFor({ timeout: 20_000 });
    expect(await Job.countDocuments({ plan: freshId })).toBeGreaterThan(0);
    // The refusal itself answers 409 Conflict, which the browser reports; nothing else may fail.
    // (A live revalidation aborted by a navigation is let through by collectConsoleErrors.)
    expect(consoleErrors.filter((error) => !/status of 409/.test(error))).toEqual([]);
  });

  it('offers a fix beside units it could not place: the button changes the order and plans again', async () => {
    // Due tomorrow: no planning week with time left ends before it, so the units cannot be placed as they stand.
    const product = await Product.findOne({ active: true }).sort({ labourMinutesPerUnit: 1 }).lean();
    if (!product) throw new Error('the demo network has no active product');
    const order = await createOrder({
      actor: PLANNER,
      source: 'web',
      customer: { name: 'E2E customer in a hurry', country: 'KE' },
      lines: [{ productId: String(product._id), quantity: product.minimumLot }],
      shipBy: new Date(Date.now() + 24 * 3_600_000),
    });
    await page.goto(`${server.url}/planning`);
    await planOpenDemand();
    const stuckId = proposalId();
    await page.goto(`${server.url}/planning/${stuckId}?view=unplaced&q=${order.reference}`);
    const row = page.getByTestId('unplaced-row').filter({ hasText: order.reference });
    await row.waitFor();
    expect(await row.textContent()).toContain(product.name);
    // Which rule stops it depends on the day the test runs (this week's working time may be over).
    expect(await row.textContent()).toMatch(/leaves no planning week to make it in|have no more free .+ time before/);
    const fix = row.getByTestId('fix-ship-by');
    const label = (await fix.textContent()) ?? '';
    expect(label).toMatch(/^Move ship-by to \d{1,2} [A-Z][a-z]{2} \d{4} and re-plan$/);
    await shoot('unplaced-fix');

    await fix.click();
    await page.waitForURL(
      (url) => url.pathname !== `/planning/${stuckId}` && url.searchParams.get('view') === 'unplaced',
      {
        timeout: 20_000,
      },
    );
    await page.getByTestId('plan-page').waitFor();
    const fixedId = proposalId();
    expect(fixedId).not.toBe(stuckId);
    // The order now ships by the day the button named, and the new plan places its units.
    const moved = await Order.findById(order._id).lean();
    expect(label).toContain(formatDay(nairobiDateString(moved?.shipBy as Date)));
    const fixedPlan = await Plan.findById(fixedId).lean();
    expect(fixedPlan?.unplaced.some((entry) => String(entry.order) === String(order._id))).toBe(false);
    expect(
      fixedPlan?.assignments
        .filter((entry) => String(entry.order) === String(order._id))
        .reduce((sum, entry) => sum + entry.quantity, 0),
    ).toBe(product.minimumLot);
  });
});
