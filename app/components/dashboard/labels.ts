import type { JobStatus } from '../../../server/domain/job-status';
import type { OrderStatus } from '../../../server/domain/order-status';

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Nov 2026" from "2026-11-27" (a Nairobi calendar day), the same on the server and in the browser. */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Whole hours from minutes, for charts and tables of capacity. */
export function toHours(minutes: number): number {
  return Math.round(minutes / 60);
}
