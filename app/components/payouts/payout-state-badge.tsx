import { PAYOUT_STATE_LABELS, type PayoutState } from '#server/domain/payout-status';

const TONE: Record<PayoutState, string> = {
  pending: 'badge',
  submitted: 'badge',
  paid: 'badge badge--good',
  failed: 'badge badge--bad',
  unknown: 'badge badge--bad',
};

/** A payout attempt's state in words, coloured: green paid, red failed or unknown. */
export function PayoutStateBadge({ state }: { state: PayoutState }) {
  return <span className={TONE[state]}>{PAYOUT_STATE_LABELS[state]}</span>;
}
