import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { CANCEL_REASONS, cancelReasonText } from '../../domain/cancel-reasons';
import { ForbiddenError } from '../../domain/errors';
import { mayEnterOrders } from '../../domain/roles';
import { validateInput } from '../../domain/validate-input';
import { cancelOrder } from './cancel-order';

/** The order page's cancel form: a reason from the list and a note ("Other" needs the note). */
export const CancelOrderForm = z
  .object({
    reason: z.enum(CANCEL_REASONS, { error: 'choose why the order is cancelled' }),
    note: z.string().trim().max(400, 'must be at most 400 characters').optional(),
  })
  .refine((form) => form.reason !== 'other' || (form.note ?? '').length >= 3, {
    message: 'say why the order is cancelled',
    path: ['note'],
  });

/**
 * Cancels an order from its page, for the roles that enter orders at HQ, through cancelOrder
 * (which refuses once production has started, announces order:cancelled and queues a channel's
 * status webhook), with the chosen reason and the note as the order's cancel reason.
 */
export async function cancelOrderFromPage({
  actor,
  orderId,
  form,
}: {
  actor: Actor;
  orderId: string;
  form: z.input<typeof CancelOrderForm>;
}) {
  if (!mayEnterOrders(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot cancel orders from HQ`);
  const { reason, note } = validateInput(CancelOrderForm, form);
  return cancelOrder({ actor, orderId, reason: cancelReasonText({ reason, note }) });
}
