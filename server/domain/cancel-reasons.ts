/**
 * Why HQ cancels an order: a short fixed list on the order page, plus a note, written together
 * as the order's cancel reason (shown on its page, kept in the audit, sent to the channel).
 * "Other" needs the note to say what. Safe to import from the browser.
 */
export const CANCEL_REASONS = [
  'customer-cancelled',
  'customer-changed-order',
  'entered-by-mistake',
  'cannot-make-in-time',
  'materials-unavailable',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  'customer-cancelled': 'The customer cancelled',
  'customer-changed-order': 'The customer is placing a changed order',
  'entered-by-mistake': 'Entered by mistake',
  'cannot-make-in-time': 'The network cannot make it in time',
  'materials-unavailable': 'Materials are not available',
  other: 'Other',
};

/** The reason as stored on the order: the chosen reason, then the note. */
export function cancelReasonText({ reason, note }: { reason: CancelReason; note?: string }): string {
  const label = CANCEL_REASON_LABELS[reason];
  if (reason === 'other') return note ?? '';
  return note ? `${label}: ${note}` : label;
}
