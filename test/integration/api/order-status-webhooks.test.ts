import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { domainEvents } from '#server/domain-events';
import { AuditEvent, Channel, Job, Order, WebhookDelivery, Workshop } from '#server/models/index';
import { type OrderDoc } from '#server/models/order';
import { createChannelOrder } from '#server/services/channels/create-channel-order';
import { recordInspection } from '#server/services/inspections/record-inspection';
import { transitionJob } from '#server/services/jobs/transition-job';
import { markOrderShipped } from '#server/services/orders/mark-order-shipped';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { buildChannelNetwork } from './channel-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');
const planner = makeActor('planner');
const officer = makeActor('field_officer');

describe('status webhooks follow an order from production to shipping', () => {
  let order: OrderDoc;
  let jobIds: string[];
  let sequence = 0;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    const { hoops } = await buildChannelNetwork();
    await Channel.updateOne(
      { name: 'madewell' },
      { $set: { webhookUrl: 'https://hooks.madewell.test/kiwanda', webhookSecret: 'whsec-test' } },
    );
    const channel = (await Channel.findOne({ name: 'madewell' }).lean())!;
    sequence += 1;
    ({ order } = await createChannelOrder({
      channel,
      idempotencyKey: `status-webhooks-${sequence}`,
      body: {
        externalRef: `MW-ST-${sequence}`,
        customer: { name: 'Madewell buying team' },
        shipBy: '2026-03-20',
        lines: [{ sku: hoops.sku, quantity: 24 }],
      },
      now,
    }));
    // The order's line made by two jobs of 12 units each, both accepted by an artisan.
    const workshop = (await Workshop.findOne().lean())!;
    const jobs = await Job.create(
      [0, 1].map(() =>
        makeJob({
          workshop: workshop._id,
          order: order._id,
          orderLine: order.lines[0]._id,
          product: order.lines[0].product,
          quantity: 12,
          status: 'accepted',
        }),
      ),
    );
    jobIds = jobs.map((job) => String(job._id));
  });

  const typesQueued = async () =>
    (await WebhookDelivery.find({ order: order._id }).sort({ createdAt: 1, _id: 1 }).lean()).map((d) => d.type);

  const makeAndPass = async (jobId: string) => {
    await transitionJob({ jobId, to: 'ready_for_qc', actor: planner });
    await recordInspection({ jobId, passedQuantity: 12, failedQuantity: 0, actor: officer });
  };

  it('puts the order in production when its first job starts, and says so once', async () => {
    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:status', (event) => events.push(event));
    await transitionJob({ jobId: jobIds[0], to: 'in_progress', actor: planner });
    await transitionJob({ jobId: jobIds[1], to: 'in_progress', actor: planner });
    stop();

    expect((await Order.findById(order._id).lean())?.status).toBe('in_production');
    expect(await typesQueued()).toEqual(['order.accepted', 'order.in_production']);
    expect(events).toEqual([{ orderId: String(order._id), from: 'open', to: 'in_production' }]);
    const delivery = await WebhookDelivery.findOne({ order: order._id, type: 'order.in_production' }).lean();
    expect(JSON.parse(delivery!.body)).toMatchObject({
      id: delivery!.eventId,
      type: 'order.in_production',
      data: { orderId: String(order._id), externalRef: order.externalRef, status: 'in_production' },
    });
    expect(await AuditEvent.countDocuments({ 'entity.id': order._id, action: 'order.in_production' })).toBe(1);
  });

  it('reports ready to ship only when every unit has passed, once', async () => {
    for (const jobId of jobIds) await transitionJob({ jobId, to: 'in_progress', actor: planner });
    await makeAndPass(jobIds[0]);
    expect(await typesQueued()).not.toContain('order.ready_to_ship');
    await expect(markOrderShipped({ orderId: String(order._id), actor: planner, at: now })).rejects.toThrow(
      /is not ready to ship: 12 units have not passed inspection yet/,
    );

    await makeAndPass(jobIds[1]);
    expect(await typesQueued()).toEqual(['order.accepted', 'order.in_production', 'order.ready_to_ship']);
  });

  it('ships through HQ once, telling the channel, and refuses a second time with a 409', async () => {
    for (const jobId of jobIds) await transitionJob({ jobId, to: 'in_progress', actor: planner });
    for (const jobId of jobIds) await makeAndPass(jobId);
    await expect(
      markOrderShipped({ orderId: String(order._id), actor: makeActor('manager'), at: now }),
    ).rejects.toMatchObject({ status: 403 });

    const events: unknown[] = [];
    const stop = domainEvents.subscribe('order:status', (event) => events.push(event));
    const shipped = await markOrderShipped({ orderId: String(order._id), actor: planner, at: now });
    stop();
    expect(shipped).toMatchObject({ status: 'shipped', shippedAt: now });
    expect(events).toEqual([{ orderId: String(order._id), from: 'in_production', to: 'shipped' }]);
    expect(await AuditEvent.countDocuments({ 'entity.id': order._id, action: 'order.shipped' })).toBe(1);

    const again = await markOrderShipped({ orderId: String(order._id), actor: planner, at: now }).catch(
      (error: unknown) => error,
    );
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/was already shipped/) });
    expect(await typesQueued()).toEqual([
      'order.accepted',
      'order.in_production',
      'order.ready_to_ship',
      'order.shipped',
    ]);
  });

  it('refuses to ship an order not in production, and queues nothing for it', async () => {
    const error = await markOrderShipped({ orderId: String(order._id), actor: planner, at: now }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      status: 409,
      message: expect.stringMatching(/is open: only an order in production/),
    });
    expect(await typesQueued()).toEqual(['order.accepted']);
    await expect(
      markOrderShipped({ orderId: new Types.ObjectId().toHexString(), actor: planner, at: now }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('never holds two deliveries of one type for one order, even written directly', async () => {
    const first = (await WebhookDelivery.findOne({ order: order._id }).lean())!;
    const { _id, ...copy } = first;
    void _id;
    await expect(
      WebhookDelivery.create({ ...copy, eventId: `evt_${new Types.ObjectId().toHexString()}` }),
    ).rejects.toThrow(/duplicate key/);
  });
});
