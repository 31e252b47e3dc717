import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ValidationError } from '#server/domain/errors';
import { domainEvents } from '#server/domain-events';
import { Product, ProductCollection } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { updateProduct } from '#server/services/catalogue/save-product';
import { prepareOrderReadingProducts } from '#server/services/orders/prepare-order';

import { makeActor } from '../../factories/actors';
import { makeCollection, makeProduct } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

// Order intake keeps the catalogue in memory: what it checks orders against must still follow
// every product saved (here or in another process) and every product written behind its back.

const placedAt = new Date('2026-03-02T06:00:00Z');

const webOrder = (sku: string, quantity = 2) =>
  prepareOrderReadingProducts({
    source: 'web',
    customer: { name: 'Amina', email: 'amina@example.com', country: 'KE' },
    lines: [{ sku, quantity }],
    placedAt,
    shipBy: new Date('2026-03-27T06:00:00Z'),
  });

/** The field messages of the ValidationError `work` throws. */
async function refusal(work: Promise<unknown>): Promise<string[]> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => `${issue.field}: ${issue.message}`);
}

describe('the catalogue order intake keeps', () => {
  let hoops: ProductDoc;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    const collection = makeCollection();
    hoops = makeProduct({ collectionRef: collection._id, sku: 'JUA-HOOPS' });
    await ProductCollection.create({ ...collection, products: [hoops._id] });
    await Product.create(hoops);
  });

  it('follows a product saved in the catalogue: an order after it is checked against the change', async () => {
    expect((await webOrder('JUA-HOOPS')).order.lines[0].unitPriceCents).toBe(hoops.retailPriceCents);
    const { _id, createdAt: _c, updatedAt: _u, collectionRef, ...fields } = hoops;
    await updateProduct({
      actor: makeActor('designer'),
      productId: String(_id),
      ...fields,
      collectionId: String(collectionRef),
      retailPriceCents: 700_000,
    });
    expect((await webOrder('JUA-HOOPS')).order.lines[0].unitPriceCents).toBe(700_000);
    await updateProduct({
      actor: makeActor('designer'),
      productId: String(_id),
      ...fields,
      collectionId: String(collectionRef),
      active: false,
    });
    expect(await refusal(webOrder('JUA-HOOPS'))).toEqual(['lines.0.sku: JUA-HOOPS is no longer made']);
  });

  it('finds a product written without an event, and still refuses an unknown SKU', async () => {
    await webOrder('JUA-HOOPS');
    const cuff = makeProduct({ collectionRef: hoops.collectionRef, sku: 'JUA-CUFF' });
    await Product.create(cuff);
    const { order, products } = await webOrder('JUA-CUFF');
    expect(order.lines[0].sku).toBe('JUA-CUFF');
    expect(products.map((product) => product.sku)).toEqual(['JUA-CUFF']);
    expect(await refusal(webOrder('JUA-NONE'))).toEqual(['lines.0.sku: unknown SKU JUA-NONE']);
  });

  it('drops what it keeps when another process announces a product saved', async () => {
    await webOrder('JUA-HOOPS');
    // Saved by another app process: this one only hears the event the relay brings.
    await Product.updateOne({ _id: hoops._id }, { $set: { retailPriceCents: 710_000 } });
    expect((await webOrder('JUA-HOOPS')).order.lines[0].unitPriceCents).toBe(hoops.retailPriceCents);
    domainEvents.deliverRemote('product:saved', { productId: String(hoops._id) }, false);
    expect((await webOrder('JUA-HOOPS')).order.lines[0].unitPriceCents).toBe(710_000);
  });
});
