import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { Order } from '../../models/order';
import { type PreparedOrder } from './prepare-order';
import { storedOrder } from './stored-order';

// Orders are written lean from storedOrder: it must be exactly what Mongoose's Order schema makes
// of the same prepared order, or orders written through it would differ from those before.

const at = new Date('2026-12-06T08:30:00.000Z');

function prepared(overrides: Partial<PreparedOrder> = {}): PreparedOrder {
  return {
    _id: new Types.ObjectId(),
    reference: 'W-0123456789',
    source: 'web',
    partner: undefined,
    customer: { name: 'Wanjiru', email: undefined, store: undefined, country: 'KE' },
    lines: [
      {
        _id: new Types.ObjectId(),
        product: new Types.ObjectId(),
        sku: 'BR-CUFF-01',
        quantity: 3,
        unitPriceCents: 450_000,
        promisedShipDate: undefined,
      },
    ],
    placedAt: new Date('2026-12-06T08:29:00.000Z'),
    shipBy: new Date('2026-12-31T20:59:59.999Z'),
    priority: 'normal',
    notes: undefined,
    channel: undefined,
    externalRef: undefined,
    status: 'open',
    ...overrides,
  };
}

/** What Mongoose stores for `order` saved at `at`. */
async function asMongooseStoresIt(order: PreparedOrder) {
  const document = new Order(order);
  await document.validate();
  return { ...document.toObject(), createdAt: at, updatedAt: at };
}

const cases: Record<string, PreparedOrder> = {
  'a web order, nothing optional': prepared(),
  'a web order with an e-mail in capitals, notes and a promised line': prepared({
    customer: { name: ' Amina Otieno ', email: 'Amina.Otieno@Example.COM', country: 'KE' },
    notes: ' Gift wrap, please. ',
    lines: [
      {
        _id: new Types.ObjectId(),
        product: new Types.ObjectId(),
        sku: 'BR-CUFF-01',
        quantity: 2,
        unitPriceCents: 450_000,
        promisedShipDate: '2026-12-24',
      },
      {
        _id: new Types.ObjectId(),
        product: new Types.ObjectId(),
        sku: 'BD-NECK-07',
        quantity: 1,
        unitPriceCents: 120_000,
        promisedShipDate: undefined,
        minimumLot: 5,
      },
    ],
  }),
  "a retail partner's order through the API": prepared({
    source: 'retail',
    partner: 'Madewell',
    reference: 'PO-ABCDEF0123',
    customer: { name: 'Buyer 4', store: 'Store 12', country: 'US' },
    channel: new Types.ObjectId(),
    externalRef: 'madewell-po-5512',
    priority: 'high',
  }),
  'a Shopify order with lines Kiwanda does not make': prepared({
    channel: new Types.ObjectId(),
    externalRef: '#1042',
    unmadeLines: [
      { sku: ' GIFT-CARD ', title: ' Gift card (not made by Kiwanda) ', quantity: 1 },
      { sku: '', title: 'Shipping protection (not made by Kiwanda)', quantity: 2 },
    ],
  }),
};

describe('an order as stored', () => {
  for (const [name, order] of Object.entries(cases))
    it(`is what Mongoose stores: ${name}`, async () => {
      expect(storedOrder({ order, at })).toStrictEqual(await asMongooseStoresIt(order));
    });

  it('leaves no key undefined, which a lean insert would store as null', () => {
    const stored = storedOrder({ order: prepared(), at });
    const undefinedKeys = (value: object): string[] =>
      Object.entries(value).flatMap(([key, field]) =>
        field === undefined
          ? [key]
          : field && typeof field === 'object' && !(field instanceof Date) && !(field instanceof Types.ObjectId)
            ? undefinedKeys(field as object).map((inner) => `${key}.${inner}`)
            : [],
      );
    expect(undefinedKeys(stored)).toEqual([]);
  });
});
