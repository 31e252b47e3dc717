import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Product } from '#server/models/index';
import { createCollection } from '#server/services/catalogue/save-collection';

import { makeActor } from '../../factories/actors';
import { startTestServer } from '../../support/app-server';
import { signIn } from '../../support/sign-in';

/** The catalogue pages as a browser without JavaScript gets them: guards, forms and their errors. */
describe('catalogue routes over HTTP', () => {
  let server: RunningKiwanda;
  let designer: string;
  let manager: string;
  let admin: string;
  let collectionId: string;

  const request = (path: string, cookie?: string, form?: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: cookie ? { Cookie: cookie } : {},
      body: form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    });

  const productForm = {
    sku: 'PWANI-01',
    name: 'Pwani drop earrings',
    requiredSkill: 'horn-carving',
    labourMinutesPerUnit: '80',
    'materials.0.name': 'Ankole cattle horn',
    'materials.0.quantity': '25',
    'materials.0.unit': 'g',
    pieceRateKes: '1,100',
    wholesalePriceKes: '3,400',
    retailPriceKes: '6,800',
    minimumLot: '12',
    active: 'on',
  };

  beforeAll(async () => {
    server = await startTestServer();
    ({ collectionId } = await createCollection({
      actor: makeActor('designer'),
      name: 'Pwani',
      season: 'SS27',
      launchDate: '2027-02-15',
    }));
    [designer, manager, admin] = (
      await Promise.all([
        signIn({ baseUrl: server.url, role: 'designer' }),
        signIn({ baseUrl: server.url, role: 'manager' }),
        signIn({ baseUrl: server.url, role: 'admin' }),
      ])
    ).map((session) => session.cookie);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sends a designer home to the catalogue and keeps others out', async () => {
    const home = await request('/', designer);
    expect(home.headers.get('location')).toBe('/design');
    const page = await request('/design', designer);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Pwani');
    expect(html).toContain('href="/design"');
    expect((await request('/design', manager)).status).toBe(403);
    expect((await request('/design')).headers.get('location')).toBe('/login?redirectTo=%2Fdesign');
    const badFilter = await request('/design?skill=pottery', designer);
    expect(badFilter.status).toBe(400);
    expect(await badFilter.text()).toContain('skill');
  });

  it('refuses a bad product form naming the field, then creates the product', async () => {
    const bad = await request('/design/products/new', designer, {
      ...productForm,
      collectionId,
      wholesalePriceKes: '9,000',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('is above the retail price');
    expect(await Product.countDocuments({ sku: 'PWANI-01' })).toBe(0);

    const created = await request('/design/products/new', designer, { ...productForm, collectionId });
    expect(created.status).toBe(302);
    const product = await Product.findOne({ sku: 'PWANI-01' }).lean();
    expect(product).toMatchObject({ pieceRateCents: 110_000, materials: [{ name: 'Ankole cattle horn' }] });
    expect(created.headers.get('location')).toBe(`/design/products/${String(product?._id)}?saved=created`);

    const edit = await request(`/design/products/${String(product?._id)}`, designer, {
      ...productForm,
      collectionId,
      labourMinutesPerUnit: 'ninety',
    });
    expect(edit.status).toBe(400);
    expect(await edit.text()).toContain('labourMinutesPerUnit');
    expect((await request(`/design/products/${'0'.repeat(24)}`, designer)).status).toBe(404);
    expect((await request('/design/products/new', manager, { ...productForm, collectionId })).status).toBe(403);
  });

  it('lets an admin record a reference wage that the product form then measures against', async () => {
    const wage = {
      kind: 'living',
      monthlyKes: '40,000',
      source: 'Kiwanda wage study, Nairobi 2026',
      effectiveFrom: '2026-01-01',
    };
    expect((await request('/admin/wages', designer, wage)).status).toBe(403);
    const bad = await request('/admin/wages', admin, { ...wage, monthlyKes: 'forty thousand' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('monthlyKes');
    expect((await request('/admin/wages', admin, wage)).status).toBe(200);
    const page = await (await request('/admin/wages', admin)).text();
    expect(page).toContain('Kiwanda wage study, Nairobi 2026');

    const product = await Product.findOne({ sku: 'PWANI-01' }).lean();
    const form = await (await request(`/design/products/${String(product?._id)}`, designer)).text();
    // KES 1,100 for 80 minutes is KES 825 an hour: above KES 40,000 a month; the source is shown.
    expect(form).toContain('Kiwanda wage study, Nairobi 2026');
    expect(form).toContain('data-standing="living"');
  });
});
