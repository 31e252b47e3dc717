import { type Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { DomainError } from '#server/domain/errors';
import { AuditEvent, Channel, IdempotencyRecord, Order, WebhookDelivery } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { createChannelOrder } from '#server/services/channels/create-channel-order';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { buildChannelNetwork } from './channel-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');

/**
 * Channel orders ready at the same moment share one transaction (write-arriving-channel-orders.ts):
 * each must still get its own order, audit entry, outbox row and idempotency record, and a clash
 * among them must fail only the order at fault.
 */
describe('channel orders that arrive together', () => {
  let hoops: ProductDoc;
  let sequence = 0;

  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    clearReadModelCaches();
    ({ hoops } = await buildChannelNetwork());
    await Channel.updateOne(
      { name: 'madewell' },
      { webhookUrl: 'https://madewell.example/kiwanda', webhookSecret: 'whsec_written_together_0123456789' },
    );
  });
  afterAll(disconnectDomainDatabase);

  const send = async ({ key, externalRef = `MW-TOGETHER-${++sequence}` }: { key: string; externalRef?: string }) => {
    const channel = (await Channel.findOne({ name: 'madewell' }).lean())!;
    return createChannelOrder({
      channel,
      idempotencyKey: key,
      body: {
        externalRef,
        customer: { name: 'Madewell buying team', store: 'Madewell SoHo', country: 'US' },
        shipBy: '2026-04-24',
        lines: [{ sku: hoops.sku, quantity: 12 }],
      },
      now,
    });
  };
  const recordsOf = async (orderId: Types.ObjectId) => ({
    audit: await AuditEvent.countDocuments({ 'entity.id': orderId, action: 'order.created' }),
    outbox: await WebhookDelivery.countDocuments({ order: orderId, type: 'order.accepted' }),
    idempotency: await IdempotencyRecord.countDocuments({ order: orderId }),
  });

  it('writes them in one insert, each with its audit entry, outbox row and idempotency record', async () => {
    const inserts = vi.spyOn(Order, 'insertMany');
    const outcomes = await Promise.all(
      ['together-1', 'together-2', 'together-3', 'together-4'].map((key) => send({ key })),
    );
    expect(inserts.mock.calls.map(([orders]) => (orders as unknown[]).length)).toEqual([4]);
    inserts.mockRestore();
    expect(new Set(outcomes.map(({ order }) => String(order._id))).size).toBe(4);
    for (const { order, replayed } of outcomes) {
      expect(replayed).toBe(false);
      expect(await recordsOf(order._id)).toEqual({ audit: 1, outbox: 1, idempotency: 1 });
    }
  });

  it('fails only the order at fault when two in one write share an externalRef, and writes the others', async () => {
    // Both pass the early look-up (neither is written yet): the clash is met inside the shared write.
    const answers = await Promise.allSettled([
      send({ key: 'clash-key-1', externalRef: 'MW-CLASH' }),
      send({ key: 'clash-key-2', externalRef: 'MW-CLASH' }),
      send({ key: 'clash-key-3' }),
    ]);
    const [first, second, other] = answers;
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (first.status === 'rejected' ? first : second) as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(other.status).toBe('fulfilled');
    for (const answer of answers.filter((settled) => settled.status === 'fulfilled')) {
      const { order } = (answer as PromiseFulfilledResult<Awaited<ReturnType<typeof send>>>).value;
      expect(await recordsOf(order._id)).toEqual({ audit: 1, outbox: 1, idempotency: 1 });
    }
    expect(await Order.countDocuments({ externalRef: 'MW-CLASH' })).toBe(1);
    expect(await IdempotencyRecord.countDocuments({ key: { $in: ['clash-key-1', 'clash-key-2'] } })).toBe(1);
  });
});
