import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { domainEvents } from '#server/domain-events';
import { AuditEvent } from '#server/models/audit-event';
import { ProductCollection } from '#server/models/collection';
import { Job } from '#server/models/job';
import { Order } from '#server/models/order';
import { Product, type ProductDoc } from '#server/models/product';
import { Workshop } from '#server/models/workshop';
import { createJobOffers } from '#server/services/jobs/create-job-offers';
import { transitionJob } from '#server/services/jobs/transition-job';
import { cancelOrder } from '#server/services/orders/cancel-order';
import { createOrder } from '#server/services/orders/create-order';
import { readOpenDemand } from '#server/services/orders/read-open-demand';
import { runInTransaction } from '#server/services/run-in-transaction';

import { makeActor } from '../../factories/actors';
import { makeCollection, makeProduct, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const planner = makeActor('planner');
const shipBy = new Date('2026-03-20T14:00:00Z');
const placedAt = new Date('2026-03-02T08:00:00Z');

describe('orders', () => {
  let hoops: ProductDoc;
  let cuff: ProductDoc;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    const collection = await ProductCollection.create(makeCollection());
    [hoops, cuff] = await Product.create([
      makeProduct({ collectionRef: collection._id, labourMinutesPerUnit: 55, minimumLot: 12 }),
      makeProduct({
        collectionRef: collection._id,
        requiredSkill: 'horn-carving',
        labourMinutesPerUnit: 140,
        minimumLot: 6,
      }),
    ]);
  });

  const retailOrder = (quantity = 24) => ({
    source: 'retail' as const,
    partner: 'Anthropologie',
    customer: { name: 'Anthropologie buying team', country: 'US' },
    lines: [
      { productId: String(hoops._id), quantity },
      { productId: String(cuff._id), quantity: 12 },
    ],
    placedAt,
    shipBy,
    actor: planner,
  });

  it('records an order at wholesale prices with an audit entry and an order:created event', async () => {
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:created', (event) => events.push(event));
    const order = await createOrder(retailOrder()).finally(stop);
    expect(order.lines.map((line) => [line.sku, line.quantity, line.unitPriceCents])).toEqual([
      [hoops.sku, 24, hoops.wholesalePriceCents],
      [cuff.sku, 12, cuff.wholesalePriceCents],
    ]);
    expect(order.status).toBe('open');
    expect(events).toEqual([{ orderId: String(order._id), source: 'retail', shipByWeek: '2026-W12', units: 36 }]);
    expect(await AuditEvent.countDocuments({ 'entity.id': order._id, action: 'order.created' })).toBe(1);
  });

  it('names the field that is wrong', async () => {
    await expect(createOrder({ ...retailOrder(), partner: undefined })).rejects.toMatchObject({ field: 'partner' });
    await expect(createOrder({ ...retailOrder(), lines: [] })).rejects.toMatchObject({ field: 'lines' });
    await expect(createOrder(retailOrder(5))).rejects.toMatchObject({
      field: 'lines.0.quantity',
      message: `lines.0.quantity: 5 is below the minimum lot of 12 for ${hoops.sku}`,
    });
    await expect(
      createOrder({ ...retailOrder(), lines: [{ productId: new Types.ObjectId().toHexString(), quantity: 30 }] }),
    ).rejects.toMatchObject({ field: 'lines.0.productId' });
    await expect(createOrder({ ...retailOrder(), shipBy: new Date('2026-03-01T00:00:00Z') })).rejects.toMatchObject({
      field: 'shipBy',
    });
    await expect(createOrder({ ...retailOrder(), customer: { name: '', country: 'US' } })).rejects.toMatchObject({
      field: 'customer.name',
    });
    await createOrder({ ...retailOrder(), reference: 'ANT-PO-1' });
    await expect(createOrder({ ...retailOrder(), reference: 'ANT-PO-1' })).rejects.toMatchObject({
      field: 'reference',
    });
    expect(await Order.countDocuments()).toBe(1);
  });

  it('sells single units on the web at retail price', async () => {
    const order = await createOrder({
      source: 'web',
      customer: { name: 'Emma Clarke', email: 'Emma@Example.com', country: 'GB' },
      lines: [{ productId: String(hoops._id), quantity: 1 }],
      placedAt,
      shipBy,
      actor: planner,
    });
    expect(order.lines[0].unitPriceCents).toBe(hoops.retailPriceCents);
    expect(order.customer.email).toBe('emma@example.com');
  });

  it('reports open demand by ship-by week and skill, less what jobs already cover', async () => {
    const order = await createOrder(retailOrder(36));
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
            quantity: 20,
            plannedWeek: '2026-W11',
            dueDate: shipBy,
          },
        ],
      }),
    );
    expect(await readOpenDemand()).toEqual([
      { week: '2026-W12', skill: 'brass-casting', units: 16, minutes: 16 * 55, orders: 1 },
      { week: '2026-W12', skill: 'horn-carving', units: 12, minutes: 12 * 140, orders: 1 },
    ]);
    expect(await readOpenDemand({ throughWeek: '2026-W11' })).toEqual([]);
  });

  it('cancels an order with its unstarted jobs, all or nothing', async () => {
    const order = await createOrder(retailOrder());
    const workshop = await Workshop.create(makeWorkshop({ skills: ['brass-casting'] }));
    const offer = {
      orderId: String(order._id),
      orderLineId: String(order.lines[0]._id),
      workshopId: String(workshop._id),
      quantity: 12,
      plannedWeek: '2026-W11' as const,
      dueDate: shipBy,
    };
    const [first, second] = await runInTransaction((unit) =>
      createJobOffers({ unit, actor: planner, offers: [offer, offer] }),
    );
    await transitionJob({ jobId: String(first._id), to: 'accepted', actor: planner });
    await transitionJob({ jobId: String(first._id), to: 'in_progress', actor: planner });

    await expect(
      cancelOrder({ orderId: String(order._id), reason: 'Partner cut its buy', actor: planner }),
    ).rejects.toThrow(/cannot be cancelled: 1 of its jobs are already being made/);
    expect((await Job.findById(second._id).lean())?.status).toBe('offered');
    // The started job put the order in production; the refused cancellation left it there.
    expect((await Order.findById(order._id).lean())?.status).toBe('in_production');

    await transitionJob({ jobId: String(first._id), to: 'cancelled', actor: planner });
    const { cancelledJobs } = await cancelOrder({
      orderId: String(order._id),
      reason: 'Partner cut its buy',
      actor: planner,
    });
    expect(cancelledJobs).toBe(1);
    expect((await Job.findById(second._id).lean())?.status).toBe('cancelled');
    expect(await Order.findById(order._id).lean()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Partner cut its buy',
    });
    await expect(cancelOrder({ orderId: String(order._id), reason: 'again', actor: planner })).rejects.toThrow(
      /is cancelled/,
    );
    await expect(cancelOrder({ orderId: String(order._id), reason: 'x', actor: planner })).rejects.toMatchObject({
      field: 'reason',
    });
  });
});
