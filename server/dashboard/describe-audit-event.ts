import { type Types } from 'mongoose';

import { type CommittedFigures, describePlanCommitted } from '../domain/committed-plan';
import { type AuditEventDoc } from '../models/audit-event';
import { type JobDoc } from '../models/job';

export interface FeedItem {
  id: string;
  /** ISO instant. */
  at: string;
  /** `entity.verb`, as in the audit trail. */
  action: string;
  actor: string;
  summary: string;
  /** What the entry is about, for the page to link to; the page knows where that lives. */
  subject: FeedSubject | null;
}

export type FeedSubject = { kind: 'order'; orderId: string } | { kind: 'plans' };

type FeedJob = Pick<JobDoc, '_id' | 'order' | 'workshop' | 'quantity' | 'skill' | 'plannedWeek'>;

export interface FeedLookups {
  jobs: Map<string, FeedJob>;
  orderReferences: Map<string, string>;
  workshopCodes: Map<string, string>;
}

const JOB_VERBS: Record<string, string> = {
  offered: 'offered to',
  accepted: 'accepted at',
  declined: 'declined at',
  in_progress: 'started at',
  ready_for_qc: 'ready for QC at',
  passed: 'passed QC at',
  failed: 'failed QC at',
  paid: 'paid at',
  cancelled: 'cancelled at',
};

/** The figures a plan.committed entry records (older entries recorded only the jobs). */
function committedFiguresOf(after: Record<string, unknown>): CommittedFigures | null {
  const { jobs, units, workshops } = after;
  if (typeof jobs !== 'number') return null;
  if (typeof units !== 'number' || typeof workshops !== 'number') return null;
  return { jobs, units, workshops };
}

function describeJob(job: FeedJob, lookups: FeedLookups): string {
  const reference = lookups.orderReferences.get(String(job.order)) ?? 'an order';
  return `${job.quantity} units of ${reference} (${job.plannedWeek})`;
}

/** One audit event in words for the live feed, e.g. "Job ready for QC at KIB-014: 24 units of PO-2031". */
export function describeAuditEvent({ event, lookups }: { event: AuditEventDoc; lookups: FeedLookups }): FeedItem {
  const [kind, verb] = event.action.split('.');
  const entityId = String(event.entity.id);
  const after = (event.after ?? {}) as Record<string, unknown>;
  const base = { id: String(event._id), at: event.at.toISOString(), action: event.action, actor: event.actor.label };
  const jobId = kind === 'job' ? entityId : after.job ? String(after.job as Types.ObjectId) : null;
  const job = jobId ? lookups.jobs.get(jobId) : undefined;
  const workshop = job ? (lookups.workshopCodes.get(String(job.workshop)) ?? 'a workshop') : 'a workshop';
  const jobOrder: FeedSubject | null = job ? { kind: 'order', orderId: String(job.order) } : null;

  if (kind === 'order') {
    const reference = lookups.orderReferences.get(entityId) ?? (after.reference as string | undefined) ?? 'An order';
    const summary = verb === 'created' ? `New order ${reference}` : `Order ${reference} ${verb.replace('_', ' ')}`;
    return { ...base, summary, subject: { kind: 'order', orderId: entityId } };
  }
  if (kind === 'job') {
    const detail = job ? `: ${describeJob(job, lookups)}` : '';
    return {
      ...base,
      summary: `Job ${JOB_VERBS[verb] ?? `${verb.replace('_', ' ')} at`} ${workshop}${detail}`,
      subject: jobOrder,
    };
  }
  if (kind === 'inspection') {
    const passed = Number(after.passedQuantity ?? 0);
    const failed = Number(after.failedQuantity ?? 0);
    return { ...base, summary: `QC at ${workshop}: ${passed} passed, ${failed} failed`, subject: jobOrder };
  }
  if (kind === 'payment') {
    return { ...base, summary: `Payment ${verb.replace('_', ' ')} for work at ${workshop}`, subject: jobOrder };
  }
  if (kind === 'plan') {
    const committed = verb === 'committed' ? committedFiguresOf(after) : null;
    const summary = committed ? describePlanCommitted(committed) : `Plan ${verb.replace('_', ' ')}`;
    return { ...base, summary, subject: { kind: 'plans' } };
  }
  return { ...base, summary: event.action, subject: null };
}
