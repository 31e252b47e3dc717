/**
 * The life of a job, as a table of allowed moves. A job is offered to a workshop, accepted by one
 * of its artisans, made, inspected; failed units are reworked; passed units are paid. A declined
 * or cancelled job is finished without work. Safe to import from the browser.
 */
export const JOB_STATUSES = [
  'offered',
  'accepted',
  'in_progress',
  'ready_for_qc',
  'passed',
  'failed',
  'paid',
  'declined',
  'cancelled',
] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  offered: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_progress', 'cancelled'],
  in_progress: ['ready_for_qc', 'cancelled'],
  // Only an inspection decides between passed and failed.
  ready_for_qc: ['passed', 'failed'],
  // Failed units go back for rework, or the job is closed with the units that did pass.
  failed: ['in_progress', 'passed'],
  // Only a payment moves a job to paid.
  passed: ['paid'],
  paid: [],
  declined: [],
  cancelled: [],
};

export function canTransition({ from, to }: { from: JobStatus; to: JobStatus }): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

/** Jobs ended without work: declined or cancelled, they hold no workshop time and earn nothing. */
export const ENDED_WITHOUT_WORK_STATUSES: readonly JobStatus[] = ['declined', 'cancelled'];

/** Jobs that hold workshop time in their planned week: everything but jobs ended without work. */
export const CAPACITY_HOLDING_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter(
  (status) => !ENDED_WITHOUT_WORK_STATUSES.includes(status),
);

/** Jobs nobody has begun making: they can still be cancelled without owing anyone work. */
export const NOT_STARTED_JOB_STATUSES: readonly JobStatus[] = ['offered', 'accepted'];

/**
 * Jobs whose work has begun: the artisan started making (in progress) or went further. Accepting
 * is only a promise to make, and an accepted job can still be cancelled without owing any work,
 * so an order is in production from its first job in one of these statuses.
 */
export const STARTED_JOB_STATUSES: readonly JobStatus[] = CAPACITY_HOLDING_STATUSES.filter(
  (status) => !NOT_STARTED_JOB_STATUSES.includes(status),
);

/** Jobs whose units are not made yet: not handed to QC, or failed and waiting for rework. */
export const UNFINISHED_JOB_STATUSES: readonly JobStatus[] = ['offered', 'accepted', 'in_progress', 'failed'];

/** Jobs that are over: no move leads out of them (paid, declined, cancelled). */
export const FINISHED_JOB_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter(
  (status) => JOB_TRANSITIONS[status].length === 0,
);

/** A job's move as `job:status` announces it (`from` is null for a job just offered). */
export interface JobMove {
  from: JobStatus | null;
  to: JobStatus;
}

const isOneOf = (statuses: readonly JobStatus[], status: JobStatus | null) =>
  status !== null && statuses.includes(status);

/** The move starts or ends the job's hold on its workshop's time (an offer, a decline, a cancellation). */
export function moveChangesHeldTime({ from, to }: JobMove): boolean {
  return isOneOf(CAPACITY_HOLDING_STATUSES, from) !== isOneOf(CAPACITY_HOLDING_STATUSES, to);
}

/**
 * The move leaves every network figure as it was: the job keeps holding its time, keeps its
 * artisan (an acceptance names one), stays on the same side of "made" and earns nothing new.
 * Starting an accepted job, or reworking a failed one, is such a move; dashboards that show only
 * network figures need not be computed again after it.
 */
export function moveKeepsNetworkFigures(move: JobMove): boolean {
  return (
    !moveChangesHeldTime(move) &&
    move.from !== 'offered' &&
    move.to !== 'paid' &&
    isOneOf(UNFINISHED_JOB_STATUSES, move.from) === isOneOf(UNFINISHED_JOB_STATUSES, move.to)
  );
}
