import { subDays } from 'date-fns';

import { nairobiDateString } from '../../domain/weeks';
import { Payout } from '../../models/payout';
import { PayoutAttempt } from '../../models/payout-attempt';
import { PayoutRun } from '../../models/payout-run';

export interface ReconciliationDay {
  /** Nairobi calendar day the runs were approved, "2026-12-05". */
  day: string;
  runs: number;
  payouts: number;
  /** Whole shillings approved, and how they stand now by the latest attempt of each payout. */
  approvedShillings: number;
  paidShillings: number;
  failedShillings: number;
  openShillings: number;
  /** Receipts M-Pesa gave for the paid payouts (one each). */
  receipts: number;
  /** Approved − paid − failed − open: anything but 0 is a payout the books cannot place. */
  unaccounted: number;
}

/**
 * The daily reconciliation: for each Nairobi day of the last `days`, the runs approved that day
 * against what M-Pesa reported for their payouts. Paid and failed come only from M-Pesa's results
 * (a receipt or a result code); open means sent and not yet settled, or still unknown.
 */
export async function readPayoutReconciliation({ now, days = 14 }: { now: Date; days?: number }) {
  const runs = await PayoutRun.find({ approvedAt: { $gte: subDays(now, days) } }, { approvedAt: 1 }).lean();
  const [payouts, attempts] = await Promise.all([
    Payout.find({ run: { $in: runs.map((run) => run._id) } }, { run: 1, shillings: 1, attempts: 1 }).lean(),
    PayoutAttempt.find(
      { run: { $in: runs.map((run) => run._id) } },
      { payout: 1, number: 1, status: 1, shillings: 1, receipt: 1 },
    ).lean(),
  ]);
  const latest = new Map(attempts.map((attempt) => [`${String(attempt.payout)}#${attempt.number}`, attempt]));
  const dayOfRun = new Map(runs.map((run) => [String(run._id), nairobiDateString(run.approvedAt!)]));
  const byDay = new Map<string, ReconciliationDay & { runIds: Set<string> }>();
  for (const payout of payouts) {
    const day = dayOfRun.get(String(payout.run))!;
    const row = byDay.get(day) ?? {
      day,
      runs: 0,
      runIds: new Set<string>(),
      payouts: 0,
      approvedShillings: 0,
      paidShillings: 0,
      failedShillings: 0,
      openShillings: 0,
      receipts: 0,
      unaccounted: 0,
    };
    row.runIds.add(String(payout.run));
    row.payouts += 1;
    row.approvedShillings += payout.shillings;
    const attempt = latest.get(`${String(payout._id)}#${payout.attempts}`);
    if (attempt?.status === 'paid') {
      row.paidShillings += attempt.shillings;
      if (attempt.receipt) row.receipts += 1;
    } else if (attempt?.status === 'failed') row.failedShillings += payout.shillings;
    else row.openShillings += payout.shillings;
    byDay.set(day, row);
  }
  return [...byDay.values()]
    .map(({ runIds, ...row }) => ({
      ...row,
      runs: runIds.size,
      unaccounted: row.approvedShillings - row.paidShillings - row.failedShillings - row.openShillings,
    }))
    .sort((a, b) => b.day.localeCompare(a.day));
}
