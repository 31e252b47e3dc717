import type { JobStatus } from '#server/domain/job-status';
import type { OrderStatus } from '#server/domain/order-status';

import { JOB_STATUS_LABELS, ORDER_STATUS_LABELS } from './labels';

const GOOD: readonly string[] = ['passed', 'paid', 'shipped', 'ready_for_qc'];
const BAD: readonly string[] = ['failed', 'declined', 'cancelled'];

function toneOf(status: string): string {
  if (GOOD.includes(status)) return 'badge badge--good';
  if (BAD.includes(status)) return 'badge badge--bad';
  return 'badge';
}

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <span className={toneOf(status)}>{JOB_STATUS_LABELS[status]}</span>;
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={toneOf(status)}>{ORDER_STATUS_LABELS[status]}</span>;
}
