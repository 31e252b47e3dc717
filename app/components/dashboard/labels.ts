import type { JobStatus } from '#server/domain/job-status';
import type { OrderStatus } from '#server/domain/order-status';

/** Words people read for statuses and skills; safe in the browser (types only from the server). */
export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  offered: 'Offered',
  accepted: 'Accepted',
  in_progress: 'In progress',
  ready_for_qc: 'Ready for QC',
  passed: 'Passed QC',
  failed: 'Failed QC',
  paid: 'Paid',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: 'Not planned',
  planned: 'Planned',
  in_production: 'In production',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};

/** Whole hours from minutes, for charts and tables of capacity. */
export function toHours(minutes: number): number {
  return Math.round(minutes / 60);
}
