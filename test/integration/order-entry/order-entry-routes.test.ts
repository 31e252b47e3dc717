import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Job, Order, WebhookDelivery, Workshop } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';

import { makeJob } from '../../factories/jobs';
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
  let channelId: string;

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
    ({ hoops, channelId } = await buildOrderEntryNetwork());
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

  const upload = (fields: Record<string, string>, file?: { text: string | Uint8Array; name?: string }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (file) form.set('file', new Blob([file.text as BlobPart], { type: 'text/csv' }), file.name ?? 'po.csv');
    return form;
  };

  it('answers bad import requests with 400 naming the field, never a 500', async () => {
    const noCustomer = await request('/orders/import', planner, upload({ intent: 'preview' }, { text: 'x' }));
    expect(noCustomer.status).toBe(400);
    expect(await noCustomer.text()).toContain('choose the retail partner, or type the customer');
    const noFile = await request('/orders/import', planner, upload({ intent: 'preview', channel: channelId }));
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain('choose the CSV file to preview');
    const binary = await request(
      '/orders/import',
      planner,
      upload({ intent: 'preview', channel: channelId }, { text: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) }),
    );
    expect(binary.status).toBe(400);
    expect(await binary.text()).toContain('this is not a CSV file');
    const notAForm = await fetch(`${server.url}/orders/import`, {
      method: 'POST',
      headers: { Cookie: planner, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(notAForm.status).toBe(400);
    expect((await request('/orders/import', manager, upload({ intent: 'preview' }))).status).toBe(403);
    expect(await Order.countDocuments({ source: 'retail' })).toBe(0);
  });

  it('previews a file with a bad row, refuses to import it whole, then imports the good rows when told to', async () => {
    const csv = `po_number,sku,quantity,ship_by\nMW-9,${hoops.sku},24,2026-03-20\nMW-9,NOPE-1,12,2026-03-20\n`;
    const previewed = await request(
      '/orders/import',
      planner,
      upload({ intent: 'preview', channel: channelId }, { text: csv }),
    );
    expect(previewed.status).toBe(200);
    const html = await previewed.text();
    expect(html).toContain('unknown SKU NOPE-1');
    expect(html).toContain('1 order with 1 line ready; 1 row has problems.');
    const badRowsKey = /name="previewedBadRows" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
    expect(badRowsKey).not.toBe('');

    const back = { intent: 'import', channel: channelId, csvText: csv, previewedBadRows: badRowsKey };
    const whole = await request('/orders/import', planner, upload(back));
    expect(whole.status).toBe(400);
    expect(await whole.text()).toContain('1 row has problems: fix the file, or choose to leave the bad rows out');
    expect(await Order.countDocuments({ externalRef: 'MW-9' })).toBe(0);

    const imported = await request('/orders/import', planner, upload({ ...back, leaveOutBadRows: 'on' }));
    expect(imported.status).toBe(200);
    // React marks where text pieces join with empty comments; the words are read without them.
    expect((await imported.text()).replaceAll('<!-- -->', '')).toContain(
      'Imported 1 order with 1 line for Madewell, leaving out 1 bad row',
    );
    expect(await Order.countDocuments({ externalRef: 'MW-9', source: 'retail' })).toBe(1);
  });

  it('offers a sample file in the columns the import reads', async () => {
    const sample = await request('/orders/sample-purchase-order.csv', planner);
    expect(sample.status).toBe(200);
    expect(sample.headers.get('content-type')).toContain('text/csv');
    const [header, first] = (await sample.text()).trim().split('\n');
    expect(header).toBe('po_number,sku,quantity,ship_by,store,notes');
    expect(first).toContain('PO-1001');
    expect((await request('/orders/sample-purchase-order.csv', manager)).status).toBe(403);
  });

  it('cancels an order from its page with a reason, queues the channel’s webhook, and says why it cannot once work began', async () => {
    const order = await Order.findOne({ externalRef: 'MW-9' }).lean();
    if (!order) throw new Error('the import test made no order MW-9');
    const page = `/orders/${String(order._id)}`;
    expect(await (await request(page, planner)).text()).toContain('Cancel this order');
    expect(await (await request(page, manager)).text()).not.toContain('Cancel this order');
    expect((await request(page, manager, { intent: 'cancel', reason: 'customer-cancelled' })).status).toBe(403);

    const noReason = await request(page, planner, { intent: 'cancel', note: 'x' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('choose why the order is cancelled');
    const other = await request(page, planner, { intent: 'cancel', reason: 'other' });
    expect(other.status).toBe(400);
    expect(await other.text()).toContain('say why the order is cancelled');

    const cancelled = await request(page, planner, {
      intent: 'cancel',
      reason: 'customer-cancelled',
      note: 'Store closed',
    });
    expect(cancelled.status).toBe(200);
    expect(await Order.findById(order._id).lean()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'The customer cancelled: Store closed',
    });
    expect(await WebhookDelivery.countDocuments({ order: order._id, type: 'order.cancelled' })).toBe(1);
    const after = (await (await request(page, planner)).text()).replaceAll('<!-- -->', '');
    expect(after).toContain('The customer cancelled: Store closed');
    expect(after).not.toContain('Cancel this order');

    // An order an artisan has started on cannot be cancelled: the page says so in words.
    const started = await Order.findOne({ source: 'hq' }).lean();
    const workshop = await Workshop.findOne().lean();
    if (!started || !workshop) throw new Error('no HQ order or workshop to start work on');
    await Job.create(
      makeJob({
        workshop: workshop._id,
        order: started._id,
        orderLine: started.lines[0]._id,
        product: started.lines[0].product,
        status: 'in_progress',
      }),
    );
    const refused = await request(`/orders/${String(started._id)}`, planner, {
      intent: 'cancel',
      reason: 'entered-by-mistake',
    });
    expect(refused.status).toBe(409);
    expect((await refused.text()).replaceAll('<!-- -->', '')).toContain(
      `Not cancelled: order ${started.reference} cannot be cancelled: 1 of its jobs are already being made or done`,
    );
    expect(await Order.findById(started._id).lean()).toMatchObject({ status: 'open' });
  });
});
