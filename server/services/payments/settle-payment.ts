import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { IllegalTransitionError, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { PAYMENT_STATUSES, PAYMENT_TRANSITIONS } from '../../domain/payment-status';
import { validateInput } from '../../domain/validate-input';
import { Payment, type PaymentDoc } from '../../models/payment';
import { recordAuditEvent } from '../audit/record-audit-event';
import { runInTransaction } from '../run-in-transaction';

const SettlePaymentInput = z.object({
  paymentId: objectIdString,
  status: z.enum(PAYMENT_STATUSES),
  providerReference: z.string().trim().min(1).max(64).optional(),
});

/** Records what the mobile-money provider said about a payout (sent, confirmed, failed). */
export async function settlePayment({
  actor,
  ...input
}: z.input<typeof SettlePaymentInput> & { actor: Actor }): Promise<PaymentDoc> {
  const { paymentId, status, providerReference } = validateInput(SettlePaymentInput, input);
  return runInTransaction(async ({ session }) => {
    const payment = await Payment.findById(paymentId, null, { session, lean: true });
    if (!payment) throw new NotFoundError('payment', paymentId);
    if (!PAYMENT_TRANSITIONS[payment.status].includes(status)) {
      throw new IllegalTransitionError({ entity: 'payment', id: paymentId, from: payment.status, to: status });
    }
    const updated = await Payment.findOneAndUpdate(
      { _id: payment._id, status: payment.status },
      { $set: { status, ...(providerReference ? { providerReference } : {}) } },
      { session, returnDocument: 'after', lean: true },
    );
    if (!updated)
      throw new IllegalTransitionError({
        entity: 'payment',
        id: paymentId,
        from: payment.status,
        to: status,
        reason: 'it changed meanwhile',
      });
    await recordAuditEvent({
      session,
      actor,
      entity: { kind: 'payment', id: payment._id },
      action: `payment.${status}`,
      before: { status: payment.status, providerReference: payment.providerReference ?? null },
      after: { status, providerReference: updated.providerReference ?? null },
    });
    return updated;
  });
}
