import { Types } from 'mongoose';
import { z } from 'zod';

import { NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { PAYOUT_STATE_LABELS, type PayoutRunStatus, type PayoutState } from '../../domain/payout-status';
import { validateInput } from '../../domain/validate-input';
import { describeResultCode } from '../../integrations/mpesa/result-codes';
import { Job } from '../../models/job';
import { Payment } from '../../models/payment';
import { Payout } from '../../models/payout';
import { PayoutAttempt, type PayoutAttemptDoc } from '../../models/payout-attempt';
import { PayoutRun } from '../../models/payout-run';

export interface PayoutRunSummary {
  id: string;
  status: PayoutRunStatus;
  gatheredAt: Date;
  gatheredBy: string;
  approvedAt: Date | null;
  approvedBy: string | null;
  payoutCount: number;
  paymentCount: number;
  amountCents: number;
  shillings: number;
  /** Latest attempts by state (an unapproved run has none). */
  states: Record<PayoutState, number>;
}

function countStates(attempts: Pick<PayoutAttemptDoc, 'status'>[]): Record<PayoutState, number> {
  const states = { pending: 0, submitted: 0, paid: 0, failed: 0, unknown: 0 };
  for (const attempt of attempts) states[attempt.status] += 1;
  return states;
}

/** Latest attempt of each payout among `attempts` (the one with the highest number). */
function latestByPayout(attempts: PayoutAttemptDoc[]): Map<string, PayoutAttemptDoc> {
  const latest = new Map<string, PayoutAttemptDoc>();
  for (const attempt of attempts) {
    const key = String(attempt.payout);
    if ((latest.get(key)?.number ?? 0) < attempt.number) latest.set(key, attempt);
  }
  return latest;
}

/** The newest payout runs (or the one named) with how their payouts stand. */
export async function listPayoutRuns({ limit = 50, runId }: { limit?: number; runId?: string } = {}): Promise<
  PayoutRunSummary[]
> {
  const runs = await PayoutRun.find(runId ? { _id: new Types.ObjectId(runId) } : {})
    .sort({ gatheredAt: -1 })
    .limit(limit)
    .lean();
  const attempts = await PayoutAttempt.find({ run: { $in: runs.map((run) => run._id) } }).lean();
  const latest = [...latestByPayout(attempts).values()];
  return runs.map((run) => ({
    id: String(run._id),
    status: run.status,
    gatheredAt: run.gatheredAt,
    gatheredBy: run.gatheredBy.label,
    approvedAt: run.approvedAt ?? null,
    approvedBy: run.approvedBy?.label ?? null,
    payoutCount: run.payoutCount,
    paymentCount: run.paymentCount,
    amountCents: run.amountCents,
    shillings: run.shillings,
    states: countStates(latest.filter((attempt) => String(attempt.run) === String(run._id))),
  }));
}

export interface PayoutAttemptRow {
  number: number;
  originatorConversationId: string;
  phone: string;
  status: PayoutState;
  statusLabel: string;
  receipt: string | null;
  resultCode: string | null;
  /** The result code in words (Daraja's codes are explained on the page). */
  result: string | null;
  lastError: string | null;
  statusQueries: number;
  submittedAt: Date | null;
  resolvedAt: Date | null;
}

export interface PayoutRow {
  id: string;
  payeeName: string;
  payeeKind: 'artisan' | 'workshop';
  phone: string;
  payments: number;
  amountCents: number;
  shillings: number;
  roundingCents: number;
  /** State of the latest attempt; null before approval. */
  latest: PayoutAttemptRow | null;
  /** Earlier attempts, newest first (each failed, or there would be no later one). */
  earlier: PayoutAttemptRow[];
}

function attemptRow(attempt: PayoutAttemptDoc): PayoutAttemptRow {
  return {
    number: attempt.number,
    originatorConversationId: attempt.originatorConversationId,
    phone: attempt.phone,
    status: attempt.status,
    statusLabel: PAYOUT_STATE_LABELS[attempt.status],
    receipt: attempt.receipt ?? null,
    resultCode: attempt.resultCode ?? null,
    result: attempt.resultCode === undefined ? null : describeResultCode(attempt.resultCode, attempt.resultDesc),
    lastError: attempt.lastError ?? null,
    statusQueries: attempt.statusQueries,
    submittedAt: attempt.submittedAt ?? null,
    resolvedAt: attempt.resolvedAt ?? null,
  };
}

const RunParams = z.object({ runId: objectIdString });

/** One run with each payout, its latest attempt and the attempts before it. */
export async function readPayoutRun(input: { runId: string }) {
  const { runId } = validateInput(RunParams, input);
  const [summary] = await listPayoutRuns({ runId });
  if (!summary) throw new NotFoundError('payout run', runId);
  const [payouts, attempts] = await Promise.all([
    Payout.find({ run: new Types.ObjectId(runId) })
      .sort({ payeeName: 1 })
      .lean(),
    PayoutAttempt.find({ run: new Types.ObjectId(runId) })
      .sort({ number: -1 })
      .lean(),
  ]);
  const rows: PayoutRow[] = payouts.map((payout) => {
    const own = attempts.filter((attempt) => String(attempt.payout) === String(payout._id));
    return {
      id: String(payout._id),
      payeeName: payout.payeeName,
      payeeKind: payout.payee.kind,
      phone: payout.phone,
      payments: payout.payments.length,
      amountCents: payout.amountCents,
      shillings: payout.shillings,
      roundingCents: payout.roundingCents,
      latest: own[0] ? attemptRow(own[0]) : null,
      earlier: own.slice(1).map(attemptRow),
    };
  });
  return { run: summary, payouts: rows };
}

/** What the next gathering would take: payments pending in no run, and passed jobs not yet paid. */
export async function countPaymentsDue(): Promise<{ payments: number; amountCents: number; passedJobs: number }> {
  const openRuns = await PayoutRun.find({ status: { $ne: 'cancelled' } }, { _id: 1 }).lean();
  const taken = await Payout.distinct('payments', { run: { $in: openRuns.map((run) => run._id) } });
  const [due, passedJobs] = await Promise.all([
    Payment.find({ status: 'pending', _id: { $nin: taken } }, { amountCents: 1 }).lean(),
    Job.countDocuments({ status: 'passed' }),
  ]);
  return {
    payments: due.length,
    amountCents: due.reduce((sum, payment) => sum + payment.amountCents, 0),
    passedJobs,
  };
}
