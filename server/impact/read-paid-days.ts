import { type NairobiArea } from '../domain/nairobi-areas';
import { type WeekLabel } from '../domain/weeks';
import { type Gender } from '../models/artisan';
import { ImpactPaidDay } from '../models/impact-paid-day';
import { ensureImpactPaidDaysCurrent } from './paid-days/rebuild-paid-days';

/**
 * What one payee was paid on one Nairobi day, with what it paid for: the facts every money figure
 * of the report is computed from (a row of impact_paid_days).
 */
export interface PaidDay {
  /** Absent for payouts to a workshop as a whole. */
  artisanId?: string;
  workshopId: string;
  amountCents: number;
  /** Units paid × the job's labour minutes per unit. */
  labourMinutes: number;
  /** Units paid × the price agreed on their order line. */
  revenueCents: number;
  /** Nairobi midnight starting the day paid: a period holds the payouts whose day it holds. */
  day: Date;
  /** Nairobi calendar month of the day, "YYYY-MM". */
  month: string;
  /** The planned weeks of the work paid for. */
  weeks: WeekLabel[];
  /** Per payout whose job passed inspection on record: days from the pass to the money. */
  daysToMoney: number[];
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

/** Paid days in [from, to), from the pre-aggregate (rebuilt first if payments moved around it). */
export async function readPaidDays({ from, to }: { from: Date; to: Date }): Promise<PaidDay[]> {
  await ensureImpactPaidDaysCurrent();
  const rows = await ImpactPaidDay.find(
    { day: { $gte: from, $lt: to } },
    {
      _id: 0,
      artisan: 1,
      workshop: 1,
      day: 1,
      month: 1,
      paidCents: 1,
      labourMinutes: 1,
      revenueCents: 1,
      weeks: 1,
      daysToMoney: 1,
    },
  ).lean();
  return rows.map((row) => ({
    artisanId: row.artisan ? String(row.artisan) : undefined,
    workshopId: String(row.workshop),
    amountCents: row.paidCents,
    labourMinutes: row.labourMinutes,
    revenueCents: row.revenueCents,
    day: row.day,
    month: row.month,
    weeks: row.weeks,
    daysToMoney: row.daysToMoney,
  }));
}
