import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Channel, Job, Order, WebhookDelivery, Workshop } from '#server/models/index';
import { type OrderDoc } from '#server/models/order';
import { createChannelOrder } from '#server/services/channels/create-channel-order';

import { makeJob } from '../../factories/jobs';
import { startTestServer } from '../../support/app-server';
import { chromiumPath } from '../../support/browser';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { buildChannelNetwork } from './channel-network';

/** An order of the retail partner in production, its jobs passed (all units, or `passed` of 24). */
async function orderInProduction({ ref, passed }: { ref: string; passed: number }): Promise<OrderDoc> {
  const channel = (await Channel.findOne({ name: 'madewell' }).lean())!;
  const { order } = await createChannelOrder({
    channel,
    idempotencyKey: `ship-page-${ref}`,
    body: {
      externalRef: ref,
      customer: { name: 'Madewell buying team' },
      shipBy: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      lines: [{ sku: 'JUA-HOOP-BR', quantity: 24 }],
    },
    now: new Date(),
  });
  const workshop = (await Workshop.findOne().lean())!;
  await Job.create(
    makeJob({
      workshop: workshop._id,
      order: order._id,
      orderLine: order.lines[0]._id,
      product: order.lines[0].product,
      quantity: 24,
      status: passed === 24 ? 'passed' : 'failed',
      passedQuantity: passed,
    }),
  );
  await Order.updateOne({ _id: order._id }, { $set: { status: 'in_production' } });
  return order;
}

describe('the order page’s Mark shipped', () => {
  let kiwanda: RunningKiwanda;
  let ready: OrderDoc;
  let notReady: OrderDoc;
  let planner: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    kiwanda = await startTestServer({ env: { WEBHOOK_POLL_MS: '0' } });
    await clearDomainDatabase();
    await buildChannelNetwork();
    await Channel.updateOne(
      { name: 'madewell' },
      { $set: { webhookUrl: 'https://hooks.madewell.test/kiwanda', webhookSecret: 'whsec-test' } },
    );
    ready = await orderInProduction({ ref: 'MW-SHIP-1', passed: 24 });
    notReady = await orderInProduction({ ref: 'MW-SHIP-2', passed: 20 });
    planner = await signIn({ baseUrl: kiwanda.url, role: 'planner' });
  });
  afterAll(async () => {
    await kiwanda?.close();
  });

  const ship = (orderId: string, cookie: string) =>
    fetch(`${kiwanda.url}/orders/${orderId}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'ship' }),
      redirect: 'manual',
    });

  it('offers the action only when every unit has passed, and says why not otherwise', async () => {
    const page = await (
      await fetch(`${kiwanda.url}/orders/${String(ready._id)}`, { headers: { Cookie: planner.cookie } })
    ).text();
    expect(page).toContain('Mark shipped');
    const waiting = await (
      await fetch(`${kiwanda.url}/orders/${String(notReady._id)}`, { headers: { Cookie: planner.cookie } })
    ).text();
    expect(waiting).not.toContain('Mark shipped</button>');
    expect(waiting).toContain('4 units still have to pass inspection');
    const manager = await signIn({ baseUrl: kiwanda.url, role: 'manager' });
    const managerView = await (
      await fetch(`${kiwanda.url}/orders/${String(ready._id)}`, { headers: { Cookie: manager.cookie } })
    ).text();
    expect(managerView).not.toContain('Mark shipped');
    expect((await ship(String(ready._id), manager.cookie)).status).toBe(403);

    const screenshotDir = process.env.KIWANDA_SCREENSHOTS;
    if (screenshotDir) {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
      const context = await browser.newContext({ viewport: { width: 1440, height: 800 } });
      await context.addCookies([{ name: planner.name, value: planner.value, url: kiwanda.url }]);
      const tab = await context.newPage();
      await tab.goto(`${kiwanda.url}/orders/${String(ready._id)}`);
      await tab.screenshot({ path: `${screenshotDir}/order-ready-to-ship-desktop.png`, fullPage: true });
      await tab.getByRole('button', { name: 'Mark shipped' }).click();
      await tab.getByText('is marked shipped').waitFor();
      await tab.screenshot({ path: `${screenshotDir}/order-shipped-desktop.png`, fullPage: true });
      await browser.close();
      await Order.updateOne({ _id: ready._id }, { $set: { status: 'in_production' }, $unset: { shippedAt: 1 } });
      await WebhookDelivery.deleteMany({ order: ready._id, type: 'order.shipped' });
    }
  });

  it('ships a ready order for a planner, and answers 409 naming the reason otherwise', async () => {
    const shipped = await ship(String(ready._id), planner.cookie);
    expect(shipped.status).toBe(200);
    expect(await shipped.text()).toContain('is marked shipped');
    expect(await Order.findById(ready._id).lean()).toMatchObject({ status: 'shipped' });
    expect(await WebhookDelivery.countDocuments({ order: ready._id, type: 'order.shipped' })).toBe(1);

    const twice = await ship(String(ready._id), planner.cookie);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('was already shipped');
    const early = await ship(String(notReady._id), planner.cookie);
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('4 units have not passed inspection yet');
    expect(await Order.findById(notReady._id).lean()).toMatchObject({ status: 'in_production' });
  });
});
