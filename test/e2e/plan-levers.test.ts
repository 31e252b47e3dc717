import { mkdirSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readWorkshopFreeMinutes } from '#server/capacity/index';
import { type Actor } from '#server/domain/actor';
import { isoWeekLabel, shiftWeekLabel } from '#server/domain/weeks';
import { workingTimeEnd } from '#server/domain/working-time';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Plan, Product, Workshop } from '#server/models/index';
import { type PlanAssignment } from '#server/models/plan';
import { planningHorizon } from '#server/planning/planning-horizon';
import { startPlanRun } from '#server/planning/start-plan-run';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { createOrder } from '#server/services/orders/create-order';

import { startTestServer } from '../support/app-server';
import { chromiumPath } from '../support/browser';
import { signIn } from '../support/sign-in';

const PLANNER: Actor = { kind: 'user', role: 'planner', label: 'e2e planner' };
/** Screenshots of the proposal page with pins and with a re-plan's diff, for review by eye. */
const screenshotDir = process.env.KIWANDA_SCREENSHOTS;

/** An order of `units` of the product the roomiest workshop can make fastest; its line's id and planning label. */
async function placeOrder(units: number, customer: string) {
  const now = new Date();
  const { workshops } = await readWorkshopFreeMinutes({ now, weeks: planningHorizon({ now }).labels });
  const free = (workshop: (typeof workshops)[number]) => workshop.freeMinutes.slice(1).reduce((sum, m) => sum + m, 0);
  const roomiest = workshops.sort((left, right) => free(right) - free(left))[0];
  const product = await Product.findOne({ active: true, requiredSkill: { $in: roomiest.skills } })
    .sort({ labourMinutesPerUnit: 1 })
    .lean();
  if (!product) throw new Error('the demo network has no product the roomiest workshop can make');
  const order = await createOrder({
    actor: PLANNER,
    source: 'web',
    customer: { name: customer, country: 'KE' },
    lines: [{ productId: String(product._id), quantity: units }],
    shipBy: workingTimeEnd({ week: shiftWeekLabel(isoWeekLabel(now), 2) }) as Date,
  });
  return { lineId: String(order.lines[0]._id), label: `${order.reference} / ${product.sku}` };
}

async function planNow() {
  const { planId } = await startPlanRun({ actor: PLANNER, trigger: 'planner', reason: 'e2e' }).outcome;
  return (await Plan.findById(planId).lean())!;
}

const codeOf = async (assignment: PlanAssignment) => (await Workshop.findById(assignment.workshop).lean())!.code;

describe('pins and ruled-out workshops in Chromium', { timeout: 90_000 }, () => {
  let server: RunningKiwanda;
  let browser: Browser;
  let page: Page;
  /** The pinned cell of the first test, checked again after the re-plan. */
  let pinnedCell: { lineId: string; workshop: string; week: string; quantity: number; label: string; code: string };

  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/plan-levers-${name}.png`, fullPage: true });
  };
  /** The assignment line of `label` in workshop `code`, its workshop's row opened. */
  const lineOf = async (label: string, code: string) => {
    const line = page.locator(`li[data-testid="assignment-line"][data-line="${label}"][data-workshop="${code}"]`);
    const details = page.locator('details', { has: line });
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
      await details.locator('summary').click();
    return line.first();
  };

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoNetwork({ options: { artisans: 90, weeks: 3, seed: 'levers-e2e' }, replaceRealData: true });
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    const session = await signIn({ baseUrl: server.url, role: 'planner' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: server.url }]);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pins an assignment and rules out a workshop; planning again keeps both', async () => {
    const pinned = await placeOrder(6, 'E2E pinned customer');
    const ruled = await placeOrder(6, 'E2E ruled-out customer');
    const first = await planNow();
    const toPin = first.assignments.find((a) => String(a.orderLine) === pinned.lineId)!;
    const toRuleOut = first.assignments.find((a) => String(a.orderLine) === ruled.lineId)!;
    expect(toPin).toBeDefined();
    expect(toRuleOut).toBeDefined();
    const pinCode = await codeOf(toPin);
    const ruledCode = await codeOf(toRuleOut);

    await page.goto(`${server.url}/planning/${String(first._id)}?q=${pinCode}`);
    let line = await lineOf(pinned.label, pinCode);
    await line.locator('input[name="quantity"]').fill(String(toPin.quantity));
    await line.getByTestId('pin-line').click();
    await page.getByTestId('lever-message').filter({ hasText: 'Pinned' }).waitFor();

    await page.goto(`${server.url}/planning/${String(first._id)}?q=${ruledCode}`);
    line = await lineOf(ruled.label, ruledCode);
    expect(await line.locator('input[name="workshopCode"]').inputValue()).toBe(ruledCode);
    await line.getByTestId('rule-out-line').click();
    await page.getByTestId('lever-message').filter({ hasText: 'Ruled out' }).waitFor();
    await page.locator('[data-testid="lever-row"]').nth(1).waitFor();
    expect(await page.locator('[data-testid="lever-row"]').count()).toBe(2);
    await shoot('set');

    // The proposal is stale now (its input changed): plan again from its commit panel.
    await page.getByTestId('replan-now').click();
    await page.waitForURL(
      (url) => !url.pathname.endsWith(String(first._id)) && /\/planning\/[0-9a-f]{24}$/.test(url.pathname),
    );
    const again = await Plan.findById(/\/planning\/([0-9a-f]{24})/.exec(page.url())![1]).lean();
    const kept = again!.assignments.find(
      (a) =>
        String(a.orderLine) === pinned.lineId && String(a.workshop) === String(toPin.workshop) && a.week === toPin.week,
    );
    expect(kept?.pinned).toBe(toPin.quantity);
    expect(kept?.quantity).toBeGreaterThanOrEqual(toPin.quantity);
    expect(
      again!.assignments.filter(
        (a) => String(a.orderLine) === ruled.lineId && String(a.workshop) === String(toRuleOut.workshop),
      ),
    ).toEqual([]);
    expect(again!.pinConflicts).toEqual([]);

    pinnedCell = {
      lineId: pinned.lineId,
      workshop: String(toPin.workshop),
      week: toPin.week,
      quantity: toPin.quantity,
      label: pinned.label,
      code: pinCode,
    };
    await page.goto(`${page.url()}?q=${pinCode}`);
    line = await lineOf(pinned.label, pinCode);
    expect(await line.getAttribute('data-pinned')).toBe(String(toPin.quantity));
    expect(await line.locator('.badge--pin').textContent()).toBe(`pinned ${toPin.quantity}`);
    await shoot('kept');
  });

  it('after a new order, the suggested re-plan lists only the new work and keeps the pin', async () => {
    const reviewed = await Plan.findOne({ status: 'proposal' }).sort({ createdAt: -1 }).lean();
    const arrived = await placeOrder(4, 'E2E late customer');
    // What the re-planner runs once orders have stopped arriving (its debounce is tested in the integration tests).
    const { planId } = await startPlanRun({
      actor: { kind: 'system', role: 'system', label: 'automatic re-plan' },
      trigger: 'auto',
      reason: '1 new order',
      incremental: true,
    }).outcome;
    const suggested = (await Plan.findById(planId).lean())!;
    expect(String(suggested.incremental?.basePlan)).toBe(String(reviewed!._id));

    await page.goto(`${server.url}/planning/${planId}`);
    const rows = page.locator('[data-testid="replan-move"]');
    await rows.first().waitFor();
    const kinds = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((kind) => kind === 'new')).toBe(true);
    const lines = await rows.locator('th').allTextContents();
    expect(lines.every((text) => text.replace(' · ', ' / ') === arrived.label)).toBe(true);
    await shoot('replan');

    const kept = suggested.assignments.find(
      (a) =>
        String(a.orderLine) === pinnedCell.lineId &&
        String(a.workshop) === pinnedCell.workshop &&
        a.week === pinnedCell.week,
    );
    expect(kept?.pinned).toBe(pinnedCell.quantity);
  });
});
