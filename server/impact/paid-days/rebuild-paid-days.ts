import { ImpactPaidDay, type ImpactPaidDayDoc } from '../../models/impact-paid-day';
import { ImpactPaidMonth } from '../../models/impact-paid-month';
import { Job } from '../../models/job';
import { Order } from '../../models/order';
import { Payment } from '../../models/payment';
import { singleFlightRefresher } from '../aggregate-state';
import { paidDayKeyString, payoutContribution, type PaidPayment } from './paid-day-row';
import { paidMonthsOfDays } from './paid-months';
import {
  fingerprintText,
  readPaymentsFingerprint,
  readRecordedFingerprint,
  recordFingerprint,
} from './payments-fingerprint';

const INSERT_BATCH = 5_000;

type PaidDayRow = Omit<ImpactPaidDayDoc, '_id'>;

/** Every paid-days row, computed from scratch from the payments the provider did not refuse. */
export async function computePaidDays(): Promise<PaidDayRow[]> {
  const payments = await Payment.find(
    { status: { $ne: 'failed' }, paidAt: { $exists: true } },
    { job: 1, payee: 1, quantity: 1, amountCents: 1, paidAt: 1, week: 1 },
  ).lean();
  const jobs = await Job.find(
    { _id: { $in: payments.map((payment) => payment.job) } },
    { order: 1, orderLine: 1, labourMinutesPerUnit: 1, passedAt: 1 },
  ).lean();
  const jobById = new Map(jobs.map((job) => [String(job._id), job]));
  const orders = await Order.find(
    { _id: { $in: [...new Set(jobs.map((job) => String(job.order)))] } },
    { lines: 1 },
  ).lean();
  const priceByLine = new Map(
    orders.flatMap((order) => order.lines.map((line) => [String(line._id), line.unitPriceCents] as const)),
  );

  const now = new Date();
  const rows = new Map<string, PaidDayRow>();
  for (const payment of payments) {
    const job = jobById.get(String(payment.job));
    const part = payoutContribution({
      payment: payment as PaidPayment,
      job,
      unitPriceCents: job ? (priceByLine.get(String(job.orderLine)) ?? 0) : 0,
    });
    const id = paidDayKeyString(part.key);
    const row = rows.get(id) ?? {
      ...part.key,
      month: part.month,
      paidCents: 0,
      labourMinutes: 0,
      revenueCents: 0,
      payouts: 0,
      weeks: [],
      daysToMoney: [],
      createdAt: now,
      updatedAt: now,
    };
    row.paidCents += part.paidCents;
    row.labourMinutes += part.labourMinutes;
    row.revenueCents += part.revenueCents;
    row.payouts += 1;
    if (!row.weeks.includes(part.week)) row.weeks.push(part.week);
    if (part.daysToMoney !== undefined) row.daysToMoney.push(part.daysToMoney);
    rows.set(id, row);
  }
  return [...rows.values()];
}

async function replaceAll(
  collection: typeof ImpactPaidDay.collection | typeof ImpactPaidMonth.collection,
  rows: readonly object[],
): Promise<void> {
  await collection.deleteMany({});
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    // Straight through the driver: the rows are built here to the schema, and per-document
    // Mongoose validation would cost most of the rebuild.
    await collection.insertMany(rows.slice(start, start + INSERT_BATCH), { ordered: false });
  }
}

/**
 * Rebuilds impact_paid_days, and impact_paid_months from those days, from the payments: used after a seed or an import and to repair.
 * The fingerprint is taken first, so a payment landing meanwhile leaves it unequal and the next
 * read rebuilds again rather than trusting rows that may have missed it.
 */
export async function rebuildImpactPaidDays(): Promise<{ rows: number }> {
  await Promise.all([ImpactPaidDay.init(), ImpactPaidMonth.init()]);
  const fingerprint = await readPaymentsFingerprint();
  const rows = await computePaidDays();
  await replaceAll(ImpactPaidDay.collection, rows);
  await replaceAll(ImpactPaidMonth.collection, paidMonthsOfDays(rows));
  await recordFingerprint({ fingerprint, rebuiltAt: new Date() });
  return { rows: rows.length };
}

/** Rebuilds the aggregate when the payments no longer match what it was built from. */
export const ensureImpactPaidDaysCurrent = singleFlightRefresher({
  async isCurrent() {
    const [recorded, actual] = await Promise.all([readRecordedFingerprint(), readPaymentsFingerprint()]);
    return recorded !== null && fingerprintText(recorded) === fingerprintText(actual);
  },
  rebuild: rebuildImpactPaidDays,
});
