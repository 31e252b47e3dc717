import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listOrders } from '#server/dashboard/list-orders';
import { OrderListQuery } from '#server/dashboard/order-list-query';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { computeOverview } from '#server/dashboard/read-overview';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, Order, User, Workshop } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { startTestServer } from '../../support/app-server';
import { signIn } from '../../support/sign-in';

/** The pages as a browser without JavaScript gets them: loaders, guards, errors and the CSV over HTTP. */
describe('dashboard routes over HTTP', () => {
  let server: RunningKiwanda;
  let planner: string;
  let manager: string;
  let artisan: string;

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });

  beforeAll(async () => {
    server = await startTestServer();
    // Today's network, so "this week" of the pages is the network's current week.
    await seedDemoNetwork({
      options: { seed: 'dashboard-routes', artisans: 120, weeks: 6, referenceDate: new Date() },
      replaceRealData: true,
    });
    clearReadModelCaches();
    const someArtisan = await Artisan.findOne({
      status: 'active',
      _id: { $nin: await User.distinct('artisan') },
    }).lean();
    [planner, manager, artisan] = (
      await Promise.all([
        signIn({ baseUrl: server.url, role: 'planner' }),
        signIn({ baseUrl: server.url, role: 'manager' }),
        signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(someArtisan?._id) }),
      ])
    ).map((session) => session.cookie);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends each person from / to their place', async () => {
    expect((await get('/')).status).toBe(200);
    const plannerHome = await get('/', planner);
    expect(plannerHome.status).toBe(302);
    expect(plannerHome.headers.get('location')).toBe('/overview');
    // Artisans go to their phone pages.
    const artisanHome = await get('/', artisan);
    expect(artisanHome.status).toBe(302);
    expect(artisanHome.headers.get('location')).toBe('/my-jobs');
  });

  it('lets planners and managers read the dashboards, sends visitors to sign in and refuses artisans', async () => {
    for (const path of ['/overview', '/orders', '/workshops', '/jobs', '/orders.csv']) {
      const visitor = await get(path);
      expect(visitor.status, path).toBe(302);
      expect(visitor.headers.get('location'), path).toMatch(/^\/login\?redirectTo=/);
      expect((await get(path, artisan)).status, path).toBe(403);
      expect((await get(path, manager)).status, path).toBe(200);
    }
  });

  it('offers "Plan open demand" to planners only: a manager reads the overview without it', async () => {
    const planLink = 'class="button" data-discover="true" href="/planning"';
    expect(await (await get('/overview', planner)).text()).toContain(planLink);
    const managerPage = await (await get('/overview', manager)).text();
    expect(managerPage).toContain('data-testid="kpi-open-orders"');
    expect(managerPage).not.toContain(planLink);
    expect(managerPage).not.toContain('Plan open demand');
  });

  it('renders the overview’s figures on the server', async () => {
    const html = await (await get('/overview', planner)).text();
    const { kpis } = await computeOverview({ now: new Date(), query: { weeks: 8 } });
    const card = html.slice(html.indexOf('data-testid="kpi-open-orders"'), html.indexOf('data-testid="kpi-units-due"'));
    expect(card).toContain(`>${kpis.openOrders.count.toLocaleString('en-KE')}<`);
    expect(html).toContain('data-testid="demand-table"');
    expect(html).toContain('Overview');
    // The navigation shows the dashboard pages to a planner.
    for (const link of ['/overview', '/orders', '/workshops', '/jobs', '/planning'])
      expect(html).toContain(`href="${link}"`);
  });

  it('keeps a list page when a filter is wrong, saying which and why, and answers a missing order or workshop with 404', async () => {
    const badRange = await get('/overview?weeks=99', planner);
    expect(badRange.status).toBe(200);
    expect(await badRange.text()).toContain('Left out of the list: weeks must be at most 26 weeks.');
    const badSort = await get('/orders?sort=price', planner);
    expect(badSort.status).toBe(200);
    expect(await badSort.text()).toContain('Left out of the list: sort must be one of');
    const badWeek = await get('/jobs?week=2026-W99', planner);
    expect(badWeek.status).toBe(200);
    expect(await badWeek.text()).toContain('week must be a week like 2026-W48, or all.');
    // Control characters never reach the database (a NUL byte in a search used to answer 500).
    const nul = await get('/orders?q=%00', planner);
    expect(nul.status).toBe(200);
    expect(await nul.text()).toContain('The search contains characters that cannot be typed.');
    expect(await (await get('/workshops?q=a%00b', planner)).text()).toContain(
      'contains characters that cannot be typed',
    );
    // A download has no page to keep: it is refused, naming the parameter.
    expect((await get('/orders.csv?q=%00', planner)).status).toBe(400);
    expect((await get('/planning/000000000000000000000000?q=%00', planner)).status).toBe(404);
    expect((await get('/orders/0123456789abcdef01234567', planner)).status).toBe(404);
    expect((await get('/workshops/0123456789abcdef01234567', planner)).status).toBe(404);
  });

  it('answers an unknown address with a 404 page that keeps the signed-in header', async () => {
    const signedIn = await get('/no-such-page/at-all', planner);
    expect(signedIn.status).toBe(404);
    const page = await signedIn.text();
    expect(page).toContain('data-testid="signed-in-user"');
    expect(page).toContain('There is no page at');
    expect(page).not.toContain('No route matches');
    const visitor = await get('/no-such-page');
    expect(visitor.status).toBe(404);
    expect(await visitor.text()).toContain('Sign in');
  });

  it('marks the sort in force on its header, the default one included', async () => {
    const byDefault = await (await get('/orders', planner)).text();
    expect(byDefault).toMatch(/<th aria-sort="ascending"[^>]*><a[^>]*>Ship by<span[^>]*>▲/);
    expect(byDefault).toMatch(/<th aria-sort="none"[^>]*><a[^>]*>Reference<span[^>]*>↕/);
    const workshops = await (await get('/workshops?sort=earnings&dir=desc', planner)).text();
    expect(workshops).toMatch(/<th aria-sort="descending"[^>]*><a[^>]*>Earned this month<span[^>]*>▼/);
  });

  it('serves an order and a workshop page', async () => {
    const order = await Order.findOne({ status: 'in_production' }).lean();
    const orderPage = await get(`/orders/${String(order?._id)}`, planner);
    expect(orderPage.status).toBe(200);
    expect(await orderPage.text()).toContain(order?.reference);
    const workshop = await Workshop.findOne({ active: true }).lean();
    const workshopPage = await get(`/workshops/${String(workshop?._id)}`, planner);
    expect(workshopPage.status).toBe(200);
    expect(await workshopPage.text()).toContain(workshop?.code);
  });

  it('downloads the filtered orders as a CSV attachment with every matching row', async () => {
    const response = await get('/orders.csv?status=all&source=web&sort=placedAt&dir=desc&page=2', planner);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kiwanda-orders-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: Record<string, string>[] = parse(bytes, { columns: true, bom: true });
    const page = await listOrders({
      query: OrderListQuery.parse({ status: 'all', source: 'web', sort: 'placedAt', dir: 'desc', pageSize: '100' }),
    });
    expect(records).toHaveLength(page.total);
    expect(records.slice(0, 100).map((record) => record.reference)).toEqual(page.rows.map((row) => row.reference));
    expect(records.every((record) => record.source === 'web')).toBe(true);
  });
});
