import { createHash } from 'node:crypto';

import { z } from 'zod';

import { ChannelOrderBody } from '../../api/channel-order-body';
import { ORDER_SOURCE_OF_CHANNEL } from '../../domain/channel-kinds';
import { DomainError } from '../../domain/errors';
import { shipByInstant } from '../../domain/ship-by';
import { validateField, validateInput } from '../../domain/validate-input';
import { type ChannelDoc } from '../../models/channel';
import { IdempotencyRecord, type IdempotencyRecordDoc } from '../../models/idempotency-record';
import { Order, type OrderDoc, type UnmadeOrderLine } from '../../models/order';
import { isDuplicateKeyError } from '../duplicate-key';
import { prepareOrderReadingProducts } from '../orders/prepare-order';
import { promiseArrivingOrder } from '../orders/promise-arriving-orders';
import { lookUpArrivingRequest } from './look-up-arriving-requests';
import { writeArrivingChannelOrder } from './write-arriving-channel-orders';

const IdempotencyKey = z
  .string({ error: 'send an Idempotency-Key header' })
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(255, 'must be at most 255 characters');

export interface ChannelOrderOutcome {
  order: OrderDoc;
  /** True when this answers an Idempotency-Key already used with the same body. */
  replayed: boolean;
}

/** The order an idempotency key's record names, or a 409 when the key came with another body. */
async function orderOfRecord({
  record,
  key,
  requestHash,
}: {
  record: Pick<IdempotencyRecordDoc, '_id' | 'requestHash' | 'order'>;
  key: string;
  requestHash: string;
}) {
  if (record.requestHash !== requestHash)
    throw new DomainError(`Idempotency-Key ${key} was already used with a different request body`);
  const order = await Order.findById(record.order).lean();
  if (!order) throw new Error(`idempotency record ${String(record._id)} names a missing order`);
  return order;
}

/** The order an idempotency key already made, or a 409 when the key came with another body. */
async function replayOf({ channel, key, requestHash }: { channel: ChannelDoc; key: string; requestHash: string }) {
  const record = await IdempotencyRecord.findOne({ channel: channel._id, key }).lean();
  return record ? orderOfRecord({ record, key, requestHash }) : null;
}

const REPLAY_WAIT_MS = 20;
const REPLAY_ATTEMPTS = 25;

/**
 * After a clash on the key or the externalRef: the order this key made, once the request that
 * made it has committed (a retry racing the first attempt may see the clash a moment before the
 * record), or a 409 when the externalRef belongs to a request with another key.
 */
async function replayOrRefuse({
  channel,
  key,
  requestHash,
  externalRef,
}: {
  channel: ChannelDoc;
  key: string;
  requestHash: string;
  externalRef: string;
}): Promise<ChannelOrderOutcome> {
  for (let attempt = 0; attempt < REPLAY_ATTEMPTS; attempt += 1) {
    const winner = await replayOf({ channel, key, requestHash });
    if (winner) return { order: winner, replayed: true };
    if (await Order.exists({ channel: channel._id, externalRef })) break;
    await new Promise((resolve) => setTimeout(resolve, REPLAY_WAIT_MS));
  }
  throw new DomainError(`externalRef ${externalRef} was already used by another order of this channel`);
}

/**
 * An order from a channel through the API, exactly once per Idempotency-Key: the key is recorded
 * in the same transaction as the order under a unique index, so of concurrent retries one
 * writes and the others find its record and answer the same order.
 */
export async function createChannelOrder({
  channel,
  idempotencyKey,
  body,
  now,
  unmadeLines,
}: {
  channel: ChannelDoc;
  idempotencyKey: unknown;
  body: unknown;
  now: Date;
  /** Lines the channel sent that Kiwanda does not make (the Shopify webhook keeps them on the order). */
  unmadeLines?: UnmadeOrderLine[];
}): Promise<ChannelOrderOutcome> {
  const key = validateField('Idempotency-Key', IdempotencyKey, idempotencyKey);
  const request = validateInput(ChannelOrderBody, body);
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');

  // Both asked at once (and with the requests arriving beside it): a new order (most requests)
  // needs both answers, and waits for one round trip.
  const { record, refUsed } = await lookUpArrivingRequest({
    channel: channel._id,
    key,
    externalRef: request.externalRef,
  });
  if (record) return { order: await orderOfRecord({ record, key, requestHash }), replayed: true };
  if (refUsed) return replayOrRefuse({ channel, key, requestHash, externalRef: request.externalRef });

  const { order: prepared, products } = await prepareOrderReadingProducts({
    source: ORDER_SOURCE_OF_CHANNEL[channel.kind],
    partner: channel.partner,
    customer: { ...request.customer, country: request.customer.country ?? 'KE' },
    lines: request.lines,
    placedAt: now,
    shipBy: shipByInstant(request.shipBy),
    notes: request.notes,
    channel: String(channel._id),
    externalRef: request.externalRef,
  });
  const order = await promiseArrivingOrder({ now, order: prepared, products });
  if (unmadeLines?.length) order.unmadeLines = unmadeLines;
  try {
    const created = await writeArrivingChannelOrder({ channel, order, key, requestHash, now });
    return { order: created, replayed: false };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // Another request with this key (or this externalRef) got there first.
    return replayOrRefuse({ channel, key, requestHash, externalRef: request.externalRef });
  }
}
