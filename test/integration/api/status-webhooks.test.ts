import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Channel, WebhookDelivery } from '#server/models/index';

import { startTestServer } from '../../support/app-server';
import { chromiumPath } from '../../support/browser';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { buildChannelNetwork } from './channel-network';

const SECRET = 'whsec-madewell-test-0123456789';

/** A channel's receiver: refuses the first two deliveries, then checks the third's signature. */
function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string; verified: boolean }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
      const presented = Buffer.from(String(req.headers['kiwanda-signature']));
      const verified = expected.length === presented.length && timingSafeEqual(expected, presented);
      received.push({ headers: req.headers, body, verified });
      const accept = received.length >= 3 && verified;
      res.writeHead(accept ? 204 : 503).end();
    });
  });
  return { server, received };
}

describe('status webhooks to a channel', () => {
  let kiwanda: RunningKiwanda;
  let receiver: ReturnType<typeof startReceiver>;
  let partnerKey: string;
  let sku: string;

  beforeAll(async () => {
    kiwanda = await startTestServer({ env: { WEBHOOK_POLL_MS: '40', WEBHOOK_RETRY_BASE_MS: '40' } });
    await clearDomainDatabase();
    clearReadModelCaches();
    const network = await buildChannelNetwork();
    partnerKey = network.partnerKey;
    sku = network.hoops.sku;
    receiver = startReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    await Channel.updateOne(
      { name: 'madewell' },
      { $set: { webhookUrl: `http://127.0.0.1:${port}/kiwanda`, webhookSecret: SECRET } },
    );
  });
  afterAll(async () => {
    await kiwanda?.close();
    await new Promise((resolve) => (receiver?.server as Server | undefined)?.close(resolve));
  });

  it('retries with the same event id until the receiver takes it, signed under the channel’s secret', async () => {
    const answer = await fetch(`${kiwanda.url}/api/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${partnerKey}`,
        'idempotency-key': 'webhook-order-1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        externalRef: 'MW-WH-1',
        customer: { name: 'Madewell buying team' },
        shipBy: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        lines: [{ sku, quantity: 12 }],
      }),
    });
    expect(answer.status).toBe(201);
    const { id: orderId } = (await answer.json()) as { id: string };

    let delivery = await WebhookDelivery.findOne({ order: orderId }).lean();
    for (let wait = 0; wait < 100 && delivery?.status !== 'delivered'; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      delivery = await WebhookDelivery.findOne({ order: orderId }).lean();
    }
    expect(delivery).toMatchObject({ type: 'order.accepted', status: 'delivered' });
    expect(delivery?.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 503, 204]);

    expect(receiver.received).toHaveLength(3);
    const [third] = receiver.received.slice(-1);
    expect(third.verified).toBe(true);
    const eventIds = new Set(receiver.received.map((request) => request.headers['kiwanda-event-id']));
    expect(eventIds).toEqual(new Set([delivery?.eventId]));
    expect(JSON.parse(third.body)).toMatchObject({
      id: delivery?.eventId,
      type: 'order.accepted',
      data: { orderId, externalRef: 'MW-WH-1', status: 'open' },
    });
    // Nothing else is due: the delivered event is not sent again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(3);
  });

  it('shows admins the delivery log, and nobody else', async () => {
    const [delivery] = await WebhookDelivery.find().lean();
    const admin = await signIn({ baseUrl: kiwanda.url, role: 'admin' });
    const page = await fetch(`${kiwanda.url}/admin/webhooks`, { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(delivery.eventId);
    expect(html).toContain('HTTP 204');
    const planner = await signIn({ baseUrl: kiwanda.url, role: 'planner' });
    expect((await fetch(`${kiwanda.url}/admin/webhooks`, { headers: { Cookie: planner.cookie } })).status).toBe(403);

    const screenshotDir = process.env.KIWANDA_SCREENSHOTS;
    if (screenshotDir) {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
      const context = await browser.newContext({ viewport: { width: 1440, height: 700 } });
      const [name, value] = admin.cookie.split(';')[0].split('=');
      await context.addCookies([{ name, value, url: kiwanda.url }]);
      const tab = await context.newPage();
      await tab.goto(`${kiwanda.url}/admin/webhooks`);
      await tab.screenshot({ path: `${screenshotDir}/admin-webhooks-desktop.png` });
      await browser.close();
    }
  });
});
