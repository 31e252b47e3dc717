/**
 * The life of a payout attempt (one B2C request). pending: approved, not yet accepted by M-Pesa ·
 * submitted: M-Pesa accepted the request, its result has not come · paid: M-Pesa reported it paid,
 * with a receipt · failed: M-Pesa confirmed it was not paid, with a result code · unknown: the
 * result was lost or timed out, so Kiwanda asks M-Pesa's Transaction Status before anything else.
 * A payout is sent again, as a new attempt, only after its last attempt failed. Safe to import
 * from the browser.
 */
export const PAYOUT_STATES = ['pending', 'submitted', 'paid', 'failed', 'unknown'] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

export const PAYOUT_STATE_LABELS: Record<PayoutState, string> = {
  pending: 'Waiting to be sent',
  submitted: 'Sent, awaiting M-Pesa',
  paid: 'Paid',
  failed: 'Failed',
  unknown: 'Unknown: checking with M-Pesa',
};

/** States after which nothing more happens to an attempt by itself. */
export const FINAL_PAYOUT_STATES: readonly PayoutState[] = ['paid', 'failed'];

/** From which states a result may move an attempt. A result may overtake the request's own answer. */
export const PAYOUT_RESULT_FROM: readonly PayoutState[] = ['pending', 'submitted', 'unknown'];

/**
 * A payout run. awaiting_approval: gathered, a manager reviews it · paying: approved, its
 * payouts are being sent · completed: every payout paid or failed · cancelled: dropped before
 * approval (its payments go back to the next run).
 */
export const PAYOUT_RUN_STATUSES = ['awaiting_approval', 'paying', 'completed', 'cancelled'] as const;
export type PayoutRunStatus = (typeof PAYOUT_RUN_STATUSES)[number];

export const PAYOUT_RUN_STATUS_LABELS: Record<PayoutRunStatus, string> = {
  awaiting_approval: 'Awaiting approval',
  paying: 'Paying',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * M-Pesa pays whole shillings. Kiwanda rounds each payout UP to the next shilling, in the
 * artisan's favour: at most KES 0.99 per payout, recorded as `roundingCents`, and nothing is
 * carried between runs (a carried remainder would be owed money no payment record shows).
 */
export function payableShillings(amountCents: number): { shillings: number; roundingCents: number } {
  const shillings = Math.ceil(amountCents / 100);
  return { shillings, roundingCents: shillings * 100 - amountCents };
}
