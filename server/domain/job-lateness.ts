/**
 * When a job is late: its due date has passed and its units are not made yet (not handed to QC,
 * or failed and waiting for rework). Work at QC or beyond is made, so it is no longer late even
 * if it reached QC after its due date. The one definition the jobs board, dashboards, phones and
 * the demo network use. Safe to import from the browser.
 */
import { UNFINISHED_JOB_STATUSES, type JobStatus } from './job-status';

export function isJobLate({ status, dueDate }: { status: JobStatus; dueDate: Date }, now: Date): boolean {
  return dueDate.getTime() < now.getTime() && UNFINISHED_JOB_STATUSES.includes(status);
}

/** The same rule as a MongoDB filter, for counting late jobs in the database. */
export function lateJobsFilter(now: Date) {
  return { dueDate: { $lt: now }, status: { $in: [...UNFINISHED_JOB_STATUSES] } };
}
