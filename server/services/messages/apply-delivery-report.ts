import { z } from 'zod';

import { DELIVERY_STATUSES, FINAL_MESSAGE_STATES, STATE_OF_FINAL_DELIVERY } from '../../domain/message-status';
import { validateInput } from '../../domain/validate-input';
import { SmsMessage } from '../../models/sms-message';
import { runInTransaction } from '../run-in-transaction';

/** A delivery report's form fields, as Africa's Talking posts them (failureReason only when it failed). */
export const DeliveryReportForm = z.object({
  id: z.string().trim().min(1, 'is required').max(100),
  status: z.enum(DELIVERY_STATUSES, { error: `must be one of ${DELIVERY_STATUSES.join(', ')}` }),
  phoneNumber: z.string().trim().max(20).optional(),
  networkCode: z.string().trim().max(20).optional(),
  failureReason: z.string().trim().max(200).optional(),
});
export type DeliveryReportForm = z.input<typeof DeliveryReportForm>;

/**
 * Applies one delivery report to the message Africa's Talking gave that id, once: a report whose
 * status the message has already heard changes nothing (reports may come again). A final one
 * (Success, Failed, Rejected) settles a message still waiting for it; earlier steps are kept for
 * the page. Returns what happened; an id Kiwanda never got back from a send is `unknown-id`.
 */
export async function applyDeliveryReport({
  report,
  now,
}: {
  report: DeliveryReportForm;
  now: Date;
}): Promise<'applied' | 'repeated' | 'unknown-id'> {
  const { id, status, networkCode, failureReason } = validateInput(DeliveryReportForm, report);
  return runInTransaction(async (unit) => {
    const { session } = unit;
    const message = await SmsMessage.findOne({ providerMessageId: id }, null, { session, lean: true });
    if (!message) return 'unknown-id';
    if (message.reports.some((heard) => heard.status === status)) return 'repeated';
    const settles = STATE_OF_FINAL_DELIVERY[status];
    const moves = settles !== undefined && !FINAL_MESSAGE_STATES.includes(message.status);
    await SmsMessage.updateOne(
      { _id: message._id, 'reports.status': { $ne: status } },
      {
        $push: { reports: { status, networkCode, failureReason, receivedAt: now } },
        ...(moves ? { $set: { status: settles, resolvedAt: now, ...(failureReason ? { failureReason } : {}) } } : {}),
      },
      { session },
    );
    if (moves) unit.publishAfterCommit('message:changed', { kind: message.kind, status: settles, count: 1 });
    return 'applied';
  });
}
