import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { DomainError } from '#server/domain/errors';
import { type ChannelDoc } from '#server/models/channel';
import { Channel, IdempotencyRecord, Order } from '#server/models/index';
import { type ProductDoc } from '#server/models/product';
import { createChannelOrder } from '#server/services/channels/create-channel-order';

import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { buildChannelNetwork } from './channel-network';

// Monday 2 March 2026, 09:00 in Nairobi.
const now = new Date('2026-03-02T06:00:00Z');

/**
 * Channel requests that arrive at the same moment are looked up together before their orders are
 * prepared (look-up-arriving-requests.ts): one read of the idempotency records and one of the
 * orders for all of them, across channels, and still each its own answer: a new order, the order
 * its key made before, or a 409 for a key with another body or an externalRef used before.
 */
describe('channel requests that arrive together', () => {
  let hoops: ProductDoc;
  const channels = new Map<string, ChannelDoc>();

  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    clearReadModelCaches();
    ({ hoops } = await buildChannelNetwork());
    for (const channel of await Channel.find().lean()) channels.set(channel.name, channel);
  });
  afterAll(disconnectDomainDatabase);

  // Every request is sent in the same turn of the event loop, as requests queued on the server are.
  const send = ({
    channel: name,
    key,
    externalRef,
    quantity = 12,
  }: {
    channel: 'madewell' | 'web-shop';
    key: string;
    externalRef: string;
    quantity?: number;
  }) =>
    createChannelOrder({
      channel: channels.get(name)!,
      idempotencyKey: key,
      body: {
        externalRef,
        customer: { name: 'Buying team', store: 'SoHo', country: 'US' },
        shipBy: '2026-04-24',
        lines: [{ sku: hoops.sku, quantity }],
      },
      now,
    });

  it('reads each collection once for all of them, and answers each request as if it came alone', async () => {
    const first = await send({ channel: 'madewell', key: 'together-first', externalRef: 'MW-1' });
    // The same key and externalRef on the other channel are that channel's own.
    const otherChannel = await send({ channel: 'web-shop', key: 'together-first', externalRef: 'MW-1', quantity: 2 });
    expect(String(otherChannel.order._id)).not.toBe(String(first.order._id));

    const recordReads = vi.spyOn(IdempotencyRecord, 'find');
    const orderReads = vi.spyOn(Order, 'find');
    const answers = await Promise.allSettled([
      send({ channel: 'madewell', key: 'together-first', externalRef: 'MW-1' }),
      send({ channel: 'madewell', key: 'together-first', externalRef: 'MW-1', quantity: 24 }),
      send({ channel: 'madewell', key: 'together-new-key', externalRef: 'MW-1' }),
      send({ channel: 'madewell', key: 'together-second', externalRef: 'MW-2' }),
      send({ channel: 'web-shop', key: 'together-third', externalRef: 'WEB-3', quantity: 1 }),
    ]);
    expect(recordReads).toHaveBeenCalledTimes(1);
    expect(orderReads).toHaveBeenCalledTimes(1);
    recordReads.mockRestore();
    orderReads.mockRestore();

    const [replay, otherBody, refUsed, second, third] = answers;
    expect(replay.status === 'fulfilled' && replay.value).toMatchObject({
      replayed: true,
      order: { _id: first.order._id },
    });
    expect(otherBody.status === 'rejected' && otherBody.reason).toBeInstanceOf(DomainError);
    expect((otherBody as PromiseRejectedResult).reason.message).toBe(
      'Idempotency-Key together-first was already used with a different request body',
    );
    expect(refUsed.status === 'rejected' && refUsed.reason).toBeInstanceOf(DomainError);
    expect((refUsed as PromiseRejectedResult).reason.message).toContain('externalRef MW-1');
    for (const created of [second, third]) expect(created.status === 'fulfilled' && created.value.replayed).toBe(false);
    expect(await Order.countDocuments({ externalRef: { $in: ['MW-1', 'MW-2', 'WEB-3'] } })).toBe(4);
    expect(await IdempotencyRecord.countDocuments()).toBe(4);
  });
});
