/**
 * The SMS outbox's kinds and states, shared by the sender, the delivery reports and the messages
 * page. Safe to import from the browser.
 *
 * queued → sending → sent → delivered | failed | rejected (by the delivery report)
 *                  ↘ rejected (refused for the number) | failed (refused for good, or too many tries)
 *                  ↘ queued again (nothing was sent: a wrong key, no balance, a gateway error)
 *                  ↘ unknown (no answer: it may have gone, so it is never sent again by itself)
 */
export const MESSAGE_KINDS = ['offer', 'receipt', 'inspection'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  offer: 'Job offer',
  receipt: 'Payment receipt',
  inspection: 'Inspection result',
};

export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'rejected', 'unknown'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const MESSAGE_STATE_LABELS: Record<MessageState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent, not yet delivered',
  delivered: 'Delivered',
  failed: 'Failed',
  rejected: 'Rejected',
  unknown: 'Outcome unknown',
};

/** States the sender and the delivery reports no longer change. */
export const FINAL_MESSAGE_STATES: readonly MessageState[] = ['delivered', 'failed', 'rejected'];

/**
 * Messages a manager may send again: those that did not arrive, or may not have (Kiwanda never
 * sends an unknown one again by itself).
 */
export const RESENDABLE_STATES: readonly MessageState[] = ['unknown', 'failed'];

/** Delivery-report statuses (Africa's Talking): the last three are final. */
export const DELIVERY_STATUSES = ['Sent', 'Submitted', 'Buffered', 'Rejected', 'Success', 'Failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a final delivery status makes of a sent message. */
export const STATE_OF_FINAL_DELIVERY: Partial<Record<DeliveryStatus, MessageState>> = {
  Success: 'delivered',
  Failed: 'failed',
  Rejected: 'rejected',
};
