import { type Types } from 'mongoose';

import { IdempotencyRecord, type IdempotencyRecordDoc } from '../../models/idempotency-record';
import { Order } from '../../models/order';
import { type Gathered, gatherEachTurn } from '../gather-each-turn';

/**
 * What the database already holds for a channel's request before its order is prepared: the
 * record its Idempotency-Key left, if any, and whether its externalRef names an order already.
 *
 * Requests that arrive at the same moment are looked up together, as they are promised and
 * written together (promise-arriving-orders.ts, write-arriving-channel-orders.ts), gathered each
 * turn of the event loop (gather-each-turn.ts): the requests gathered share one read of each
 * collection. When the server keeps up, each request is looked up on its own (two reads, sent at
 * once); when requests queue up, the queued ones share two reads, instead of two each.
 */
export interface ArrivingRequest {
  channel: Types.ObjectId;
  key: string;
  externalRef: string;
}

export interface WhatIsHeld {
  /** The record this channel's Idempotency-Key left, if it was used before. */
  record: IdempotencyRecordDoc | null;
  /** This channel has an order with this externalRef already. */
  refUsed: boolean;
}

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

async function lookUpGathered(waiting: readonly Gathered<ArrivingRequest, WhatIsHeld>[]): Promise<void> {
  const requests = waiting.map(({ item }) => item);
  // Channel ids as hex strings, so that equal ids are one value of the `$in` lists.
  const channels = distinct(requests.map((request) => request.channel.toHexString()));
  try {
    // The `$in` lists match every pairing of channel and key (or ref); each request keeps its own.
    const [records, orders] = await Promise.all([
      IdempotencyRecord.find({
        channel: { $in: channels },
        key: { $in: distinct(requests.map((request) => request.key)) },
      }).lean(),
      Order.find(
        { channel: { $in: channels }, externalRef: { $in: distinct(requests.map((request) => request.externalRef)) } },
        { channel: 1, externalRef: 1 },
      ).lean(),
    ]);
    for (const { item: request, resolve } of waiting) {
      const ofChannel = (channel: Types.ObjectId | undefined) => channel?.equals(request.channel) === true;
      resolve({
        record: records.find((record) => ofChannel(record.channel) && record.key === request.key) ?? null,
        refUsed: orders.some((order) => ofChannel(order.channel) && order.externalRef === request.externalRef),
      });
    }
  } catch (error) {
    for (const { reject } of waiting) reject(error);
  }
}

/** What is held for a request, looked up with the requests arriving beside it. */
export const lookUpArrivingRequest = gatherEachTurn(lookUpGathered);
