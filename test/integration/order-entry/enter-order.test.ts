import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { domainEvents } from '#server/domain-events';
import { AuditEvent, Order, Product } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { enterOrder } from '#server/services/orders/enter-order';
import { blankOrderEntry, type OrderEntryValues } from '#server/services/orders/order-entry-form';

import { makeActor } from '../../factories/actors';
import { makeProduct } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { buildOrderEntryNetwork } from './order-entry-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');
const planner = makeActor('planner');

describe('entering an order at HQ', () => {
  let hoops: ProductDoc;
  let cuff: ProductDoc;

  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    ({ hoops, cuff } = await buildOrderEntryNetwork());
  });
  afterAll(disconnectDomainDatabase);

  const form = (overrides: Partial<OrderEntryValues> = {}): OrderEntryValues => ({
    ...blankOrderEntry(),
    customerName: 'Kazuri Boutique',
    customerStore: 'Westlands',
    shipBy: '20 Mar 2026',
    lines: [
      { sku: hoops.sku, quantity: '24' },
      { sku: '', quantity: '' },
    ],
    ...overrides,
  });

  it('names every bad field at once, each on its own form row, and writes nothing', async () => {
    const attempt = enterOrder({
      actor: planner,
      now,
      values: form({
        customerName: ' ',
        shipBy: '1 Mar 2026',
        lines: [
          { sku: '', quantity: '' },
          { sku: 'NOPE-1', quantity: '24' },
          { sku: hoops.sku, quantity: '5' },
          { sku: cuff.sku, quantity: 'ten' },
        ],
      }),
    });
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect((error as { issues: unknown[] }).issues).toEqual([
      { field: 'customer.name', message: 'is required' },
      { field: 'shipBy', message: 'must be after the order is placed (it is in the past)' },
      { field: 'lines.3.quantity', message: '"ten" is not a number' },
      { field: 'lines.1.sku', message: 'unknown SKU NOPE-1' },
      { field: 'lines.2.quantity', message: `5 is below the minimum lot of 12 for ${hoops.sku}` },
    ]);
    await expect(
      enterOrder({ actor: planner, now, values: form({ lines: blankOrderEntry().lines }) }),
    ).rejects.toMatchObject({
      issues: [{ field: 'lines', message: 'add at least one line: a SKU and a quantity' }],
    });
    await expect(enterOrder({ actor: planner, now, values: form({ shipBy: '2026-02-31' }) })).rejects.toMatchObject({
      field: 'shipBy',
    });
    expect(await Order.countDocuments()).toBe(0);
  });

  it('refuses roles that do not enter orders', async () => {
    await expect(enterOrder({ actor: makeActor('manager'), now, values: form() })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
  });

  it('writes an HQ order at wholesale prices, promised per line, audited under the planner, announced after commit', async () => {
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:created', (event) => events.push(event));
    const entered = await enterOrder({
      actor: planner,
      now,
      values: form({
        lines: [
          { sku: '', quantity: '' },
          { sku: hoops.sku.toLowerCase(), quantity: '24' },
          { sku: cuff.sku, quantity: '6' },
        ],
        notes: 'Gift boxes, please',
      }),
    }).finally(stop);
    // The brass workshop has room by the ship-by date; nobody carves horn, so the cuffs get no date.
    expect(entered.lines).toEqual([
      { sku: hoops.sku, quantity: 24, promisedShipDate: '2026-03-20' },
      { sku: cuff.sku, quantity: 6, promisedShipDate: null },
    ]);
    const order = await Order.findById(entered.orderId).lean();
    expect(order).toMatchObject({
      source: 'hq',
      reference: entered.reference,
      customer: { name: 'Kazuri Boutique', store: 'Westlands', country: 'KE' },
      notes: 'Gift boxes, please',
      status: 'open',
    });
    expect(entered.reference).toMatch(/^HQ-/);
    expect(order?.lines.map((line) => line.unitPriceCents)).toEqual([
      hoops.wholesalePriceCents,
      cuff.wholesalePriceCents,
    ]);
    expect(events).toEqual([{ orderId: entered.orderId, source: 'hq', shipByWeek: '2026-W12', units: 30 }]);
    const audit = await AuditEvent.findOne({ 'entity.id': order?._id, action: 'order.created' }).lean();
    expect([String(audit?.actor.userId), audit?.actor.role]).toEqual([planner.userId, 'planner']);
  });

  it('promises each line its first week with room, and no date to a line the horizon cannot hold', async () => {
    // 50 hours a week make about 54 pieces of 55 minutes: 24 more hoops fit by the 20th beside
    // the 24 above; 200 studs fit a few weeks later; 2,000 bangles would take the two artisans
    // some 37 weeks, past the 12 planned.
    const [studs, bangles] = await Product.create(
      ['JUA-STUD-BR', 'JUA-BANGLE-BR'].map((sku) =>
        makeProduct({ sku, collectionRef: hoops.collectionRef, labourMinutesPerUnit: 55, minimumLot: 12 }),
      ),
    );
    const entered = await enterOrder({
      actor: planner,
      now,
      values: form({
        lines: [
          { sku: hoops.sku, quantity: '24' },
          { sku: studs.sku, quantity: '200' },
          { sku: bangles.sku, quantity: '2000' },
        ],
      }),
    });
    expect(entered.lines.map((line) => line.promisedShipDate)).toEqual(['2026-03-20', '2026-04-05', null]);
  });
});
