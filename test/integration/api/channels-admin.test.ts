import { Types } from 'mongoose';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { AuditEvent, Channel, ChannelKey, Order, WebhookDelivery } from '#server/models/index';
import { webhookUrlSchema } from '#server/services/channels/webhook-url';

import { startTestServer } from '../../support/app-server';
import { chromiumPath } from '../../support/browser';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { buildChannelNetwork } from './channel-network';

const KEY_PATTERN = /kiw_[a-f0-9]{16}_[A-Za-z0-9_-]{43}/;

describe('the admins’ channels page', () => {
  let kiwanda: RunningKiwanda;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    kiwanda = await startTestServer({ env: { WEBHOOK_POLL_MS: '0' } });
    await clearDomainDatabase();
    await buildChannelNetwork();
    admin = await signIn({ baseUrl: kiwanda.url, role: 'admin' });
  });
  afterAll(async () => {
    await kiwanda?.close();
  });

  const post = (path: string, fields: Record<string, string>, cookie = admin.cookie) =>
    fetch(`${kiwanda.url}${path}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
  const getOrder = (key: string) =>
    fetch(`${kiwanda.url}/api/v1/orders/${new Types.ObjectId().toHexString()}`, {
      headers: { authorization: `Bearer ${key}` },
    });

  it('is for admins only', async () => {
    const planner = await signIn({ baseUrl: kiwanda.url, role: 'planner' });
    expect((await fetch(`${kiwanda.url}/admin/channels`, { headers: { Cookie: planner.cookie } })).status).toBe(403);
    expect((await post('/admin/channels', { intent: 'create-key', channel: 'madewell' }, planner.cookie)).status).toBe(
      403,
    );
    const page = await fetch(`${kiwanda.url}/admin/channels`, { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Madewell purchase orders');
    expect(html).toContain('href="/admin/webhooks"');
  });

  it('adds a retail partner’s channel, naming what is missing or taken', async () => {
    const missing = await post('/admin/channels', {
      intent: 'create-channel',
      kind: 'retail-partner',
      name: 'shopbop',
      displayName: 'Shopbop purchase orders',
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('a retail partner’s channel names the partner');
    const fields = {
      intent: 'create-channel',
      kind: 'retail-partner',
      name: 'shopbop',
      displayName: 'Shopbop purchase orders',
      partner: 'Shopbop',
    };
    expect((await post('/admin/channels', fields)).status).toBe(200);
    expect(await Channel.findOne({ name: 'shopbop' }).lean()).toMatchObject({
      kind: 'retail-partner',
      partner: 'Shopbop',
    });
    const again = await post('/admin/channels', fields);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('a channel named shopbop exists already');
  });

  it('shows a new key once, keeps only its hash, and a revoked key is refused at once', async () => {
    const created = await post('/admin/channels', { intent: 'create-key', channel: 'shopbop', label: 'EDI bridge' });
    expect(created.status).toBe(200);
    const key = KEY_PATTERN.exec(await created.text())?.[0];
    expect(key).toBeDefined();
    const keyId = key!.split('_')[1];
    const stored = (await ChannelKey.findOne({ keyId }).lean())!;
    expect(JSON.stringify(stored)).not.toContain(key!.split('_').slice(2).join('_'));

    expect((await getOrder(key!)).status).toBe(404);
    const listed = await (await fetch(`${kiwanda.url}/admin/channels`, { headers: { Cookie: admin.cookie } })).text();
    expect(listed).not.toMatch(KEY_PATTERN);
    expect(listed).toContain(`kiw_${keyId}_…`);
    expect((await ChannelKey.findOne({ keyId }).lean())?.lastUsedAt).toBeInstanceOf(Date);

    const unconfirmed = await post('/admin/channels', { intent: 'revoke-key', keyId });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('tick the box to confirm');
    expect((await getOrder(key!)).status).toBe(404);

    expect((await post('/admin/channels', { intent: 'revoke-key', keyId, confirm: 'yes' })).status).toBe(200);
    const refused = await getOrder(key!);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'this channel key has been revoked' });
    expect(await AuditEvent.countDocuments({ action: 'channel.key_revoked' })).toBe(1);
  });

  it('sets the webhook URL (https; plain http only on this machine outside production) and a secret shown once', async () => {
    const plain = await post('/admin/channels', {
      intent: 'set-webhook',
      channel: 'shopbop',
      webhookUrl: 'http://hooks.shopbop.example/kiwanda',
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('webhookUrl: must start with https://');
    const local = await post('/admin/channels', {
      intent: 'set-webhook',
      channel: 'shopbop',
      webhookUrl: 'http://127.0.0.1:9999/hooks',
    });
    expect(local.status).toBe(200);
    const secure = await post('/admin/channels', {
      intent: 'set-webhook',
      channel: 'shopbop',
      webhookUrl: 'https://hooks.shopbop.example/kiwanda',
    });
    expect(secure.status).toBe(200);
    expect((await Channel.findOne({ name: 'shopbop' }).lean())?.webhookUrl).toBe(
      'https://hooks.shopbop.example/kiwanda',
    );

    const rotated = await post('/admin/channels', { intent: 'rotate-secret', channel: 'shopbop' });
    const secret = /whsec_[A-Za-z0-9_-]{43}/.exec(await rotated.text())?.[0];
    expect((await Channel.findOne({ name: 'shopbop' }).lean())?.webhookSecret).toBe(secret);
    const listed = await (await fetch(`${kiwanda.url}/admin/channels`, { headers: { Cookie: admin.cookie } })).text();
    expect(listed).not.toContain(secret!);

    const production = webhookUrlSchema({ allowLocalHttp: false });
    expect(production.safeParse('http://localhost:3000/hooks').success).toBe(false);
    expect(production.safeParse('https://user:pw@hooks.example/x').success).toBe(false);
    expect(production.safeParse('https://hooks.example/x').success).toBe(true);
  });

  it('filters the delivery log by channel and status, and sends a failed delivery again with its event id', async () => {
    const channels = await Channel.find().lean();
    const [madewell, shopbop] = ['madewell', 'shopbop'].map((name) => channels.find((c) => c.name === name)!);
    const at = new Date();
    const delivery = (channel: typeof madewell, status: 'failed' | 'delivered', answers: number[]) => ({
      eventId: `evt_${new Types.ObjectId().toHexString()}`,
      type: 'order.accepted' as const,
      channel: channel._id,
      order: new Types.ObjectId(),
      url: 'https://hooks.example/kiwanda',
      body: '{}',
      status,
      attempts: answers.map((httpStatus) => ({ at, httpStatus })),
      nextAttemptAt: at,
    });
    const [failed, delivered, other] = await WebhookDelivery.create([
      delivery(shopbop, 'failed', [503, 502]),
      delivery(shopbop, 'delivered', [204]),
      delivery(madewell, 'failed', [500]),
    ]);
    const log = async (search: string) =>
      (await fetch(`${kiwanda.url}/admin/webhooks${search}`, { headers: { Cookie: admin.cookie } })).text();
    const shopbopFailed = await log('?channel=shopbop&status=failed');
    expect(shopbopFailed).toContain(failed.eventId);
    expect(shopbopFailed).toContain('HTTP 502');
    expect(shopbopFailed).not.toContain(delivered.eventId);
    expect(shopbopFailed).not.toContain(other.eventId);
    expect(await log('?channel=nobody')).toContain('There is no channel named nobody');
    expect(
      (await fetch(`${kiwanda.url}/admin/webhooks?status=lost`, { headers: { Cookie: admin.cookie } })).status,
    ).toBe(400);

    expect((await post('/admin/webhooks', { eventId: delivered.eventId })).status).toBe(409);
    expect((await post('/admin/webhooks', { eventId: failed.eventId })).status).toBe(200);
    const retried = (await WebhookDelivery.findById(failed._id).lean())!;
    expect(retried).toMatchObject({ eventId: failed.eventId, status: 'pending' });
    expect(retried.attempts).toHaveLength(2);
    expect(await Order.countDocuments()).toBe(0);

    const screenshotDir = process.env.KIWANDA_SCREENSHOTS;
    if (screenshotDir) {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: admin.name, value: admin.value, url: kiwanda.url }]);
      const tab = await context.newPage();
      await tab.goto(`${kiwanda.url}/admin/channels`);
      await tab.getByLabel('New key for Web shop').getByRole('button', { name: 'Create key' }).click();
      await tab.getByTestId('shown-once').waitFor();
      await tab.screenshot({ path: `${screenshotDir}/admin-channels-new-key-desktop.png`, fullPage: true });
      await tab.goto(`${kiwanda.url}/admin/webhooks?channel=madewell&status=failed`);
      await tab.screenshot({ path: `${screenshotDir}/admin-webhooks-filtered-desktop.png`, fullPage: true });
      await tab.goto(`${kiwanda.url}/admin/webhooks`);
      await tab.screenshot({ path: `${screenshotDir}/admin-webhooks-desktop.png`, fullPage: true });
      await browser.close();
    }
  });
});
