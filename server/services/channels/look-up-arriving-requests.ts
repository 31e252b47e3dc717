import { type Types } from 'mongoose';

import { IdempotencyRecord, type IdempotencyRecordDoc } from '../../models/idempotency-record';
import { Order } from '../../models/order';

/**
 * What the database already holds for a channel's request before its order is prepared: the
 * record its Idempotency-Key left, if any, and whether its externalRef names an order already.
 *
 * Requests that arrive at the same moment are looked up together, as they are promised and
 * written together (promise-arriving-orders.ts, write-arriving-channel-orders.ts): a request
 * waits for the end of the event loop's current turn (setImmediate: no timer, no added latency
 * when it is alone) and the requests gathered meanwhile share one read of each collection. When
 * the server keeps up, each request is looked up on its own (two reads, sent at once); when
 * requests queue up, the queued ones share two reads, instead of two each.
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

interface Waiting {
  request: ArrivingRequest;
  resolve: (held: WhatIsHeld) => void;
  reject: (error: unknown) => void;
}

let gathering: Waiting[] | null = null;

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

async function lookUpGathered(waiting: readonly Waiting[]): Promise<void> {
  const requests = waiting.map(({ request }) => request);
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
    for (const { request, resolve } of waiting) {
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

/** What is held for `request`, looked up with the requests arriving beside it. */
export function lookUpArrivingRequest(request: ArrivingRequest): Promise<WhatIsHeld> {
  return new Promise((resolve, reject) => {
    if (!gathering) {
      const started: Waiting[] = [];
      gathering = started;
      setImmediate(() => {
        gathering = null;
        void lookUpGathered(started);
      });
    }
    gathering.push({ request, resolve, reject });
  });
}
