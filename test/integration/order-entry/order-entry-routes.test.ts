import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Order } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';

import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { buildOrderEntryNetwork } from './order-entry-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');

/** HQ's order pages as a browser without JavaScript gets them: guards, forms and their errors. */
describe('HQ order routes over HTTP', () => {
  let server: RunningKiwanda;
  let planner: string;
  let manager: string;
  let hoops: ProductDoc;

  const request = (path: string, cookie?: string, form?: Record<string, string> | FormData) =>
    fetch(`${server.url}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: cookie ? { Cookie: cookie } : {},
      body: form instanceof FormData ? form : form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    });

  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => now } });
    await clearDomainDatabase();
    clearReadModelCaches();
    ({ hoops } = await buildOrderEntryNetwork());
    [planner, manager] = (
      await Promise.all([
        signIn({ baseUrl: server.url, role: 'planner' }),
        signIn({ baseUrl: server.url, role: 'manager' }),
      ])
    ).map((session) => session.cookie);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('offers the order form to planners only, linked from the orders list', async () => {
    const list = await (await request('/orders', planner)).text();
    expect(list).toContain('href="/orders/new"');
    expect(list).toContain('href="/orders/import"');
    expect(await (await request('/orders', manager)).text()).not.toContain('href="/orders/new"');
    const page = await request('/orders/new', planner);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<option value="${hoops.sku}">`);
    expect((await request('/orders/new', manager)).status).toBe(403);
    expect((await request('/orders/new', manager, { 'customer.name': 'X' })).status).toBe(403);
  });

  it('answers a bad form with 400 naming each field, keeping what was typed', async () => {
    const answer = await request('/orders/new', planner, {
      intent: 'enter',
      'customer.name': 'Kazuri Boutique',
      shipBy: '28 Feb 2026',
      lineRows: '3',
      'lines.0.sku': 'NOPE-1',
      'lines.0.quantity': '24',
      'lines.1.sku': hoops.sku,
      'lines.1.quantity': '5',
    });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('unknown SKU NOPE-1');
    expect(html).toContain(`5 is below the minimum lot of 12 for ${hoops.sku}`);
    expect(html).toContain('must be after the order is placed (it is in the past)');
    expect(html).toContain('value="Kazuri Boutique"');
    expect(await Order.countDocuments()).toBe(0);
  });

  it('adds a blank line row without JavaScript, then enters the order and shows its promised dates', async () => {
    const typed = {
      'customer.name': 'Kazuri Boutique',
      shipBy: '20 Mar 2026',
      lineRows: '3',
      'lines.0.sku': hoops.sku,
      'lines.0.quantity': '24',
    };
    const more = await request('/orders/new', planner, { ...typed, intent: 'add-line' });
    expect(more.status).toBe(200);
    const html = await more.text();
    expect(html).toContain('name="lines.3.sku"');
    expect(html).toContain('name="lineRows" value="4"');

    const entered = await request('/orders/new', planner, { ...typed, intent: 'enter' });
    expect(entered.status).toBe(302);
    const location = entered.headers.get('location') ?? '';
    expect(location).toMatch(/^\/orders\/[0-9a-f]{24}\?entered=1$/);
    const order = await (await request(location, planner)).text();
    expect(order).toContain(`${hoops.sku} × 24 by 20 Mar 2026`);
    expect(order).toContain('Entered at HQ');
    expect(await Order.countDocuments({ source: 'hq' })).toBe(1);
  });
});
