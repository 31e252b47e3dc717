import { createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { addDays } from 'date-fns';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { nairobiDateString } from '#server/domain/weeks';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Channel, Job, Order, ShopifyWebhook, Workshop } from '#server/models/index';

import { makeJob } from '../../factories/jobs';
import { startTestServer } from '../../support/app-server';
import { chromiumPath } from '../../support/browser';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { buildChannelNetwork } from './channel-network';

const SECRET = 'shpss-kiwanda-test-0123456789abcdef';
const fixture = (name: string) => readFile(new URL(`../../fixtures/shopify/${name}`, import.meta.url));

describe('Shopify’s order webhooks', () => {
  let kiwanda: RunningKiwanda;
  let created: Buffer;
  let cancelled: Buffer;

  beforeAll(async () => {
    kiwanda = await startTestServer({ env: { SHOPIFY_WEBHOOK_SECRET: SECRET, WEBHOOK_POLL_MS: '0' } });
    await clearDomainDatabase();
    await buildChannelNetwork();
    [created, cancelled] = await Promise.all([fixture('orders-create.json'), fixture('orders-cancelled.json')]);
  });
  afterAll(async () => {
    await kiwanda?.close();
  });

  /** Sends a body as Shopify does: signed over its raw bytes, with the delivery's headers. */
  const deliver = (
    body: Buffer | string,
    { topic = 'orders/create', webhookId = randomUUID(), secret = SECRET } = {},
  ) =>
    fetch(`${kiwanda.url}/integrations/shopify/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
        'x-shopify-shop-domain': 'jua-studio.myshopify.com',
        'x-shopify-webhook-id': webhookId,
        'x-shopify-triggered-at': '2026-03-02T14:14:06.123456789Z',
        'x-shopify-api-version': '2025-07',
      },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const withName = (body: Buffer, name: string, change: (order: Record<string, unknown>) => void = () => {}) => {
    const order = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    order.name = name;
    change(order);
    return JSON.stringify(order);
  };

  it('refuses a wrong signature with 401 and an unreadable body with 400 naming the problem', async () => {
    expect((await deliver(created, { secret: 'another-shop-secret-0123456789' })).status).toBe(401);
    const unsigned = await fetch(`${kiwanda.url}/integrations/shopify/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' },
      body: new Uint8Array(created),
    });
    expect(unsigned.status).toBe(401);
    const notJson = await deliver('{"name": "#1002", ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^the body is not JSON/);
    const noLines = await deliver(withName(created, '#1003', (order) => delete order.line_items));
    expect(noLines.status).toBe(400);
    expect(await noLines.json()).toMatchObject({ fields: [{ field: 'line_items' }] });
    expect(await Order.countDocuments()).toBe(0);
  });

  it('records orders/create as a web-shop order once, keeping the line Kiwanda does not make', async () => {
    const webhookId = randomUUID();
    const answer = await deliver(created, { webhookId });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ duplicate: false, outcome: 'order-created' });
    const webShop = (await Channel.findOne({ name: 'web-shop' }).lean())!;
    const order = (await Order.findOne({ externalRef: '#1001' }).lean())!;
    expect(order).toMatchObject({
      channel: webShop._id,
      source: 'web',
      status: 'open',
      customer: { name: 'Amani Otieno', email: 'wanjiru.njoroge@example.com', country: 'US' },
      lines: [{ sku: 'JUA-HOOP-BR', quantity: 2 }],
      unmadeLines: [{ sku: 'GIFT-WRAP-01', title: 'Gift wrap (not a Kiwanda SKU)', quantity: 1 }],
    });
    // Shopify gives no ship-by: due 21 days (SHOPIFY_LEAD_DAYS) after it came in, the fixture's date being past.
    expect(nairobiDateString(order.shipBy)).toBe(nairobiDateString(addDays(new Date(), 21)));

    const again = await deliver(created, { webhookId });
    expect(await again.json()).toMatchObject({ duplicate: true, outcome: 'order-created' });
    const resent = await deliver(created);
    expect(await resent.json()).toMatchObject({ duplicate: false, message: expect.stringMatching(/already recorded/) });
    expect(await Order.countDocuments({ externalRef: '#1001' })).toBe(1);
    expect(await ShopifyWebhook.countDocuments({ webhookId })).toBe(1);
  });

  it('keeps a line it does not make with a SKU longer than an order keeps, cut to fit, in an order that stays valid', async () => {
    const longSku = `GIFT-${'X'.repeat(145)}`;
    const body = withName(created, '#1090', (order) => {
      (order.line_items as Record<string, unknown>[])[1].sku = longSku;
    });
    expect(await (await deliver(body)).json()).toMatchObject({ outcome: 'order-created' });
    const order = await Order.findOne({ externalRef: '#1090' });
    expect(order?.unmadeLines?.map((line) => line.sku)).toEqual([longSku.slice(0, 100)]);
    expect(order?.validateSync()).toBeUndefined();
  });

  it('records an order with nothing Kiwanda makes without making an order of it', async () => {
    const body = withName(created, '#1004', (order) => {
      order.line_items = (order.line_items as Record<string, unknown>[]).slice(1);
    });
    const answer = await deliver(body);
    expect(await answer.json()).toMatchObject({
      outcome: 'nothing-to-make',
      message: 'no line Kiwanda makes: 1 × Gift wrap (not a Kiwanda SKU)',
    });
    expect(await Order.countDocuments({ externalRef: '#1004' })).toBe(0);
    expect(await ShopifyWebhook.countDocuments({ 'shopifyOrder.name': '#1004', outcome: 'nothing-to-make' })).toBe(1);
  });

  it('cancels on orders/cancelled until production starts, and records the refusal after', async () => {
    const answer = await deliver(cancelled, { topic: 'orders/cancelled' });
    expect(await answer.json()).toMatchObject({ outcome: 'order-cancelled' });
    expect(await Order.findOne({ externalRef: '#1001' }).lean()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'cancelled on Shopify (customer)',
    });

    await deliver(withName(created, '#1005'));
    const started = (await Order.findOneAndUpdate(
      { externalRef: '#1005' },
      { $set: { status: 'in_production' } },
      { returnDocument: 'after', lean: true },
    ))!;
    const refused = await deliver(withName(cancelled, '#1005'), { topic: 'orders/cancelled' });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({
      outcome: 'refused',
      message: expect.stringMatching(/production has already started/),
    });
    expect((await Order.findById(started._id).lean())?.status).toBe('in_production');
    const unknown = await deliver(withName(cancelled, '#9999'), { topic: 'orders/cancelled' });
    expect(await unknown.json()).toMatchObject({ outcome: 'unknown-order' });
  });

  it('shows the unmade line on the order page, beside Mark shipped once every unit has passed', async () => {
    const order = (await Order.findOne({ externalRef: '#1005' }).lean())!;
    const workshop = (await Workshop.findOne().lean())!;
    await Job.create(
      makeJob({
        workshop: workshop._id,
        order: order._id,
        orderLine: order.lines[0]._id,
        product: order.lines[0].product,
        quantity: 2,
        passedQuantity: 2,
        status: 'passed',
      }),
    );
    const planner = await signIn({ baseUrl: kiwanda.url, role: 'planner' });
    const html = await (
      await fetch(`${kiwanda.url}/orders/${String(order._id)}`, { headers: { Cookie: planner.cookie } })
    ).text();
    expect(html).toContain('Not made by Kiwanda');
    expect(html).toContain('GIFT-WRAP-01');
    expect(html).toContain('Mark shipped');

    const screenshotDir = process.env.KIWANDA_SCREENSHOTS;
    if (screenshotDir) {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: planner.name, value: planner.value, url: kiwanda.url }]);
      const tab = await context.newPage();
      await tab.goto(`${kiwanda.url}/orders/${String(order._id)}`);
      await tab.screenshot({ path: `${screenshotDir}/order-shopify-unmade-line-desktop.png`, fullPage: true });
      await browser.close();
    }
  });
});
