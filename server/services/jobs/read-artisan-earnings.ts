import { Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { ForbiddenError } from '../../domain/errors';
import { type JobStatus } from '../../domain/job-status';
import { type PaymentStatus } from '../../domain/payment-status';
import { shiftWeekLabel, isoWeekLabel, type WeekLabel } from '../../domain/weeks';
import { Job } from '../../models/job';
import { Payment } from '../../models/payment';
import { Product } from '../../models/product';

/**
 * Where a job's money stands for the artisan: made and waiting for the officer; passed, so due
 * (or being sent by M-Pesa); paid, with the M-Pesa receipt.
 */
export const EARNING_STATES = ['waiting', 'due', 'paid'] as const;
export type EarningState = (typeof EARNING_STATES)[number];

export interface EarningRow {
  jobId: string;
  productName: string;
  week: WeekLabel;
  units: number;
  amountCents: number;
  state: EarningState;
  /** The payment's own status once one exists (pending, sent, failed, confirmed). */
  paymentStatus: PaymentStatus | null;
  /** The M-Pesa receipt, as the payment holds it once the provider confirmed. */
  receipt: string | null;
  /** When: passed (due), paid (paid), made ready (waiting). */
  at: Date | null;
}

export interface ArtisanEarnings {
  totals: Record<EarningState, number>;
  weeks: { week: WeekLabel; totals: Record<EarningState, number> }[];
  rows: EarningRow[];
}

/** How many weeks back the phone shows: a season, without loading a whole working life. */
const WEEKS_SHOWN = 12;

const EARNING_JOB_STATUSES: JobStatus[] = ['ready_for_qc', 'failed', 'passed', 'paid'];

/**
 * An artisan's earnings of the last weeks, per job and per week: what they made and wait on, what
 * is due, what M-Pesa paid. Only their own jobs and payments.
 */
export async function readArtisanEarnings({ actor, now }: { actor: Actor; now: Date }): Promise<ArtisanEarnings> {
  if (actor.role !== 'artisan' || !actor.artisanId) throw new ForbiddenError('this page is for artisans');
  const artisan = new Types.ObjectId(actor.artisanId);
  const fromWeek = shiftWeekLabel(isoWeekLabel(now), -WEEKS_SHOWN);
  const jobs = await Job.find({ artisan, status: { $in: EARNING_JOB_STATUSES }, plannedWeek: { $gte: fromWeek } })
    .sort({ plannedWeek: -1, dueDate: -1 })
    .lean();
  const [payments, products] = await Promise.all([
    Payment.find({ job: { $in: jobs.map((job) => job._id) }, 'payee.artisan': artisan }).lean(),
    Product.find({ _id: { $in: [...new Set(jobs.map((job) => String(job.product)))] } }, { name: 1 }).lean(),
  ]);
  const paymentOf = new Map(payments.map((payment) => [String(payment.job), payment]));
  const productName = new Map(products.map((product) => [String(product._id), product.name]));

  const rows: EarningRow[] = jobs.flatMap((job): EarningRow[] => {
    const base = {
      jobId: String(job._id),
      productName: productName.get(String(job.product)) ?? 'Product',
      week: job.plannedWeek,
    };
    const payment = paymentOf.get(String(job._id));
    if (payment) {
      const paid = payment.status === 'confirmed';
      return [
        {
          ...base,
          units: payment.quantity,
          amountCents: payment.amountCents,
          state: paid ? 'paid' : 'due',
          paymentStatus: payment.status,
          receipt: payment.providerReference ?? null,
          at: paid ? (payment.paidAt ?? null) : (job.passedAt ?? null),
        },
      ];
    }
    if (job.status === 'passed') {
      const units = job.passedQuantity;
      return [
        {
          ...base,
          units,
          amountCents: units * job.pieceRateCents,
          state: 'due',
          paymentStatus: null,
          receipt: null,
          at: job.passedAt ?? null,
        },
      ];
    }
    // Made and handed in, or failed and being reworked: nothing is paid before the job passes whole.
    const units = job.quantity;
    const readyAt = [...job.statusHistory].reverse().find((change) => change.to === 'ready_for_qc')?.at ?? null;
    return [
      {
        ...base,
        units,
        amountCents: units * job.pieceRateCents,
        state: 'waiting',
        paymentStatus: null,
        receipt: null,
        at: readyAt,
      },
    ];
  });

  const empty = (): Record<EarningState, number> => ({ waiting: 0, due: 0, paid: 0 });
  const totals = empty();
  const byWeek = new Map<WeekLabel, Record<EarningState, number>>();
  for (const row of rows) {
    totals[row.state] += row.amountCents;
    const week = byWeek.get(row.week) ?? empty();
    week[row.state] += row.amountCents;
    byWeek.set(row.week, week);
  }
  const weeks = [...byWeek]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([week, weekTotals]) => ({ week, totals: weekTotals }));
  return { totals, weeks, rows };
}
