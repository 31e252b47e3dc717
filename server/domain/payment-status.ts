/**
 * The life of a payout. pending: owed and queued for the mobile-money provider · sent: the
 * provider accepted it · confirmed: the provider reported it delivered · failed: the provider
 * refused it. Safe to import from the browser.
 */
export const PAYMENT_STATUSES = ['pending', 'sent', 'confirmed', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  // A provider may confirm a payout without reporting it sent first.
  pending: ['sent', 'confirmed', 'failed'],
  sent: ['confirmed', 'failed'],
  // A refused payout is queued again once the number is fixed.
  failed: ['pending'],
  confirmed: [],
};
