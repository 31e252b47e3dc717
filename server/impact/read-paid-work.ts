import { type Types } from 'mongoose';

import { type NairobiArea } from '../domain/nairobi-areas';
import { nairobiDateString, type WeekLabel } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { Job } from '../models/job';
import { Order } from '../models/order';
import { Payment } from '../models/payment';

/** One payout with what it paid for: the facts every money figure of the report is computed from. */
export interface PaidWork {
  /** Absent for a payout to a workshop as a whole. */
  artisanId?: string;
  workshopId: string;
  amountCents: number;
  /** Units paid × the job's labour minutes per unit. */
  labourMinutes: number;
  /** Units paid × the price agreed on their order line. */
  revenueCents: number;
  paidAt: Date;
  /** Nairobi calendar month of the payout, "YYYY-MM". */
  month: string;
  /** The planned week of the work paid for. */
  week: WeekLabel;
  /** When the job passed inspection; absent on jobs paid without a recorded pass. */
  passedAt?: Date;
}

export interface ArtisanFacts {
  artisanId: string;
  name: string;
  gender: Gender;
  workshopId: string;
}

export interface WorkshopFacts {
  workshopId: string;
  code: string;
  name: string;
  area: NairobiArea;
}

const idOf = (id: Types.ObjectId | undefined) => (id ? String(id) : undefined);

/** Payouts dated in [from, to) that the provider did not refuse, with labour and revenue of what they paid. */
export async function readPaidWork({ from, to }: { from: Date; to: Date }): Promise<PaidWork[]> {
  const payments = await Payment.find(
    { status: { $ne: 'failed' }, paidAt: { $gte: from, $lt: to } },
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

  return payments.map((payment) => {
    const job = jobById.get(String(payment.job));
    const paidAt = payment.paidAt!;
    return {
      artisanId: payment.payee.kind === 'artisan' ? idOf(payment.payee.artisan) : undefined,
      workshopId: String(payment.payee.workshop),
      amountCents: payment.amountCents,
      labourMinutes: payment.quantity * (job?.labourMinutesPerUnit ?? 0),
      revenueCents: payment.quantity * (job ? (priceByLine.get(String(job.orderLine)) ?? 0) : 0),
      paidAt,
      month: nairobiDateString(paidAt).slice(0, 7),
      week: payment.week,
      passedAt: job?.passedAt,
    };
  });
}
