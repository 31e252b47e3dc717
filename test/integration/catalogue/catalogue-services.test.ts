import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { validateInput } from '#server/domain/validate-input';
import { AuditEvent, Job, Product, ProductCollection, Workshop } from '#server/models/index';
import { ProductForm } from '#server/services/catalogue/catalogue-forms';
import { listProducts, ProductListQuery } from '#server/services/catalogue/list-catalogue';
import { createCollection, updateCollection } from '#server/services/catalogue/save-collection';
import { createProduct, updateProduct } from '#server/services/catalogue/save-product';
import { createJobOffers } from '#server/services/jobs/create-job-offers';
import { createOrder } from '#server/services/orders/create-order';
import { runInTransaction } from '#server/services/run-in-transaction';

import { makeActor } from '../../factories/actors';
import { makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const designer = makeActor('designer');
const planner = makeActor('planner');

const hoopsInput = (collectionId: string) => ({
  sku: 'jua-07',
  name: 'Jua hoops',
  collectionId,
  requiredSkill: 'brass-casting' as const,
  labourMinutesPerUnit: 55,
  materials: [{ name: 'Recycled brass', quantity: 18, unit: 'g' }],
  pieceRateCents: 95_000,
  wholesalePriceCents: 325_000,
  retailPriceCents: 650_000,
  minimumLot: 12,
  goldPlated: true,
});

describe('catalogue services', () => {
  let collectionId: string;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    ({ collectionId } = await createCollection({
      actor: designer,
      name: 'Jua',
      season: 'ss27',
      launchDate: '2027-03-01',
    }));
  });

  it('creates a collection and a product with its materials, and audits both', async () => {
    const { productId } = await createProduct({ actor: designer, ...hoopsInput(collectionId) });
    const product = await Product.findById(productId).lean();
    expect(product).toMatchObject({
      sku: 'JUA-07',
      labourMinutesPerUnit: 55,
      materials: [{ name: 'Recycled brass', quantity: 18, unit: 'g' }],
      pieceRateCents: 95_000,
      goldPlated: true,
      active: true,
    });
    const collection = await ProductCollection.findById(collectionId).lean();
    expect(collection).toMatchObject({ season: 'SS27', status: 'draft', designer: designer.label });
    expect(collection?.products.map(String)).toEqual([productId]);
    expect(await AuditEvent.distinct('action')).toEqual(
      expect.arrayContaining(['collection.created', 'product.created']),
    );
  });

  it('names the field of bad input, a taken SKU and a refused role', async () => {
    const input = hoopsInput(collectionId);
    await expect(createProduct({ actor: designer, ...input, labourMinutesPerUnit: 0 })).rejects.toMatchObject({
      field: 'labourMinutesPerUnit',
    });
    await expect(createProduct({ actor: designer, ...input, wholesalePriceCents: 700_000 })).rejects.toMatchObject({
      field: 'wholesalePriceCents',
      message: 'wholesalePriceCents: is above the retail price',
    });
    await expect(
      createProduct({ actor: designer, ...input, materials: [{ name: '', quantity: 1, unit: 'g' }] }),
    ).rejects.toMatchObject({ field: 'materials.0.name' });
    await expect(createProduct({ actor: designer, ...input, collectionId: '0'.repeat(24) })).rejects.toMatchObject({
      field: 'collectionId',
    });
    await createProduct({ actor: designer, ...input });
    await expect(createProduct({ actor: designer, ...input, name: 'Another' })).rejects.toMatchObject({
      field: 'sku',
    });
    await expect(createProduct({ actor: makeActor('manager'), ...input, sku: 'X-1' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      createCollection({ actor: designer, name: 'Jua', season: 'SS27', launchDate: '2027-03-01' }),
    ).rejects.toMatchObject({ field: 'name' });
    await expect(
      updateCollection({ actor: designer, collectionId, name: 'Jua', season: 'Summer', launchDate: '2027-03-01' }),
    ).rejects.toMatchObject({ field: 'season' });
  });

  it('reads the HTML form: KES into cents, material rows, boxes, blank rows dropped', () => {
    const form = {
      sku: 'JUA-08',
      name: 'Jua cuff',
      collectionId,
      requiredSkill: 'brass-forming',
      labourMinutesPerUnit: '90',
      'materials.0.name': 'Brass sheet',
      'materials.0.quantity': '12.5',
      'materials.0.unit': 'g',
      pieceRateKes: '1,250.50',
      wholesalePriceKes: '3250',
      retailPriceKes: 'KES 6,500',
      minimumLot: '6',
      active: 'on',
    };
    const input = validateInput(ProductForm, form);
    expect(input).toMatchObject({
      labourMinutesPerUnit: 90,
      materials: [{ name: 'Brass sheet', quantity: 12.5, unit: 'g' }],
      pieceRateCents: 125_050,
      wholesalePriceCents: 325_000,
      retailPriceCents: 650_000,
      goldPlated: false,
      active: true,
    });
    expect(() => validateInput(ProductForm, { ...form, pieceRateKes: '12,5O' })).toThrow(
      'pieceRateKes: must be an amount in KES',
    );
  });

  it('leaves jobs already offered as they were offered when the product changes', async () => {
    const { productId } = await createProduct({ actor: designer, ...hoopsInput(collectionId) });
    const order = await createOrder({
      source: 'retail',
      partner: 'Anthropologie',
      customer: { name: 'Anthropologie buying team', country: 'US' },
      lines: [{ productId, quantity: 24 }],
      placedAt: new Date('2027-03-01T08:00:00Z'),
      shipBy: new Date('2027-03-19T14:00:00Z'),
      actor: planner,
    });
    const workshop = await Workshop.create(makeWorkshop({ skills: ['brass-casting'] }));
    await runInTransaction((unit) =>
      createJobOffers({
        unit,
        actor: planner,
        offers: [
          {
            orderId: String(order._id),
            orderLineId: String(order.lines[0]._id),
            workshopId: String(workshop._id),
            quantity: 24,
            plannedWeek: '2027-W10',
            dueDate: new Date('2027-03-19T14:00:00Z'),
          },
        ],
      }),
    );
    await updateProduct({
      actor: designer,
      productId,
      ...hoopsInput(collectionId),
      requiredSkill: 'brass-forming',
      labourMinutesPerUnit: 70,
      pieceRateCents: 120_000,
    });
    expect(await Product.findById(productId).lean()).toMatchObject({
      labourMinutesPerUnit: 70,
      pieceRateCents: 120_000,
    });
    const [job] = await Job.find({ product: productId }).lean();
    expect(job).toMatchObject({ skill: 'brass-casting', labourMinutesPerUnit: 55, pieceRateCents: 95_000 });
  });

  it('filters and pages the catalogue in the database', async () => {
    const other = await createCollection({ actor: designer, name: 'Bahari', season: 'AW27', launchDate: '2027-09-01' });
    for (let n = 1; n <= 30; n += 1) {
      await createProduct({
        actor: designer,
        ...hoopsInput(n % 2 === 0 ? collectionId : other.collectionId),
        sku: `JUA-${String(n).padStart(2, '0')}`,
        requiredSkill: n % 3 === 0 ? 'horn-carving' : 'brass-casting',
        active: n !== 30,
      });
    }
    const page2 = await listProducts({ query: ProductListQuery.parse({ page: '2', pageSize: '25' }) });
    expect(page2).toMatchObject({ total: 29, page: 2, pageCount: 2 });
    expect(page2.rows.map((row) => row.sku)).toEqual(['JUA-26', 'JUA-27', 'JUA-28', 'JUA-29']);
    const horn = await listProducts({
      query: ProductListQuery.parse({ skill: 'horn-carving', collection: collectionId, state: 'all' }),
    });
    expect(horn.rows.map((row) => row.sku)).toEqual(['JUA-06', 'JUA-12', 'JUA-18', 'JUA-24', 'JUA-30']);
    expect(horn.rows[0]).toMatchObject({ collectionName: 'Jua', requiredSkill: 'horn-carving' });
    const search = await listProducts({ query: ProductListQuery.parse({ q: 'jua-1' }) });
    expect(search.total).toBe(10);
  });
});
