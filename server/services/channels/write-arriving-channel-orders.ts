import { Types } from 'mongoose';

import { type ChannelDoc } from '../../models/channel';
import { IdempotencyRecord } from '../../models/idempotency-record';
import { type OrderDoc } from '../../models/order';
import { type Gathered, gatherEachTurn } from '../gather-each-turn';
import { insertOrders } from '../orders/create-order';
import { type PreparedOrder } from '../orders/prepare-order';
import { runInTransaction } from '../run-in-transaction';
import { channelActor } from './channel-actor';
import { enqueueNewOrderWebhooks } from './enqueue-status-webhook';

/** A channel's order ready to be written: promised, with the Idempotency-Key it came with. */
export interface ChannelOrderToWrite {
  channel: ChannelDoc;
  order: PreparedOrder;
  key: string;
  requestHash: string;
  now: Date;
}

/** The order, its outbox row and its idempotency record, written together (or not at all). */
function writeAlone(entry: ChannelOrderToWrite): Promise<OrderDoc> {
  return runInTransaction(async (unit) => {
    const [written] = await writeTogether({ unit, orders: [entry] });
    return written;
  });
}

async function writeTogether({
  unit,
  orders,
}: {
  unit: Parameters<typeof insertOrders>[0]['unit'];
  orders: readonly ChannelOrderToWrite[];
}): Promise<OrderDoc[]> {
  const written = await insertOrders({
    unit,
    orders: orders.map(({ order, channel }) => ({ order, actor: channelActor(channel) })),
  });
  await enqueueNewOrderWebhooks({
    session: unit.session,
    type: 'order.accepted',
    orders: orders.map(({ channel, now }, index) => ({ order: written[index], channel, at: now })),
  });
  // NOTE: written lean: the key and hash were checked on the way in (createChannelOrder), and the
  // shape is the schema's, timestamps included.
  const at = new Date();
  await IdempotencyRecord.insertMany(
    orders.map(({ channel, key, requestHash, order }) => ({
      _id: new Types.ObjectId(),
      channel: channel._id,
      key,
      requestHash,
      order: order._id,
      createdAt: at,
      updatedAt: at,
    })),
    { session: unit.session, lean: true },
  );
  return written;
}

async function writeGathered(waiting: Gathered<ChannelOrderToWrite, OrderDoc>[]): Promise<void> {
  if (waiting.length > 1) {
    try {
      const written = await runInTransaction((unit) =>
        writeTogether({ unit, orders: waiting.map(({ item }) => item) }),
      );
      waiting.forEach(({ resolve }, index) => resolve(written[index]));
      return;
    } catch {
      // Written one by one below: each gets its own answer, and only the one at fault fails.
    }
  }
  await Promise.all(waiting.map(({ item, resolve, reject }) => writeAlone(item).then(resolve, reject)));
}

/**
 * Writes channel orders that are ready at the same moment in one transaction: one insert each for
 * the orders, their audit entries, their `order.accepted` webhooks and their idempotency records,
 * and one commit (and journal write), instead of five commands per order. Orders promised in one
 * pass of the promise engine (promise-arriving-orders.ts) become ready together, so when requests
 * queue up they share a write as they share a pass; alone, an order is written on its own at once.
 *
 * When the shared transaction fails (a retry racing its first attempt, an externalRef used twice
 * clash on a unique index and abort it whole), each order is written again on its own, so that
 * only the one at fault fails, with its own error.
 */
export const writeArrivingChannelOrder = gatherEachTurn(writeGathered);
