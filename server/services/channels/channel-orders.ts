import { z } from 'zod';

import { DomainError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { type ChannelDoc } from '../../models/channel';
import { Order, type OrderDoc } from '../../models/order';
import { cancelOrder } from '../orders/cancel-order';
import { channelActor } from './channel-actor';

const OrderIdInput = z.object({ orderId: objectIdString });

/** One of the channel's own orders: 404 when there is none, 403 when it is another channel's. */
export async function readChannelOrder({ channel, ...input }: { channel: ChannelDoc; orderId: string }) {
  const { orderId } = validateInput(OrderIdInput, input);
  const order = await Order.findById(orderId).lean();
  if (!order) throw new NotFoundError('order', orderId);
  if (!order.channel?.equals(channel._id)) throw new ForbiddenError(`order ${orderId} belongs to another channel`);
  return order;
}

const CancelInput = z.object({
  orderId: objectIdString,
  reason: z.string().trim().min(3, 'say why the order is cancelled').max(500).optional(),
});

/**
 * Cancels one of the channel's orders while production has not started. Once it has, the
 * artisans' work is owed and the answer is a 409 saying so.
 */
export async function cancelChannelOrder({
  channel,
  ...input
}: {
  channel: ChannelDoc;
  orderId: string;
  reason?: unknown;
}): Promise<OrderDoc> {
  const { orderId, reason } = validateInput(CancelInput, input);
  const order = await readChannelOrder({ channel, orderId });
  if (order.status === 'cancelled') return order;
  if (order.status === 'in_production' || order.status === 'shipped')
    throw new DomainError(
      `order ${order.externalRef ?? order.reference} cannot be cancelled: production has already started (it is ${order.status.replace('_', ' ')})`,
    );
  const cancelled = await cancelOrder({
    orderId,
    reason: reason ?? `cancelled by ${channel.displayName}`,
    actor: channelActor(channel),
  });
  return cancelled.order;
}
