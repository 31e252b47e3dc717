import { type Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { nairobiCalendarDay, nairobiDate } from '#server/domain/weeks';
import { PAID_DAYS_STATE_ID } from '#server/impact/paid-days/payments-fingerprint';
import { computePaidDays, ensureImpactPaidDaysCurrent } from '#server/impact/paid-days/rebuild-paid-days';
import { ImpactAggregateState } from '#server/models/impact-aggregate-state';
import { ImpactPaidDay } from '#server/models/impact-paid-day';
import { Job } from '#server/models/job';
import { Order } from '#server/models/order';
import { Payment } from '#server/models/payment';
import { recordPayment } from '#server/services/payments/record-payment';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedHandNetwork } from './hand-network';

type Row = {
  artisan?: Types.ObjectId | null;
  workshop: Types.ObjectId;
  day: Date;
  month: string;
  paidCents: number;
  labourMinutes: number;
  revenueCents: number;
  payouts: number;
  weeks: string[];
  daysToMoney: number[];
};

/** Rows as comparable values: keyed and sorted, without ids and timestamps. */
const comparable = (rows: Row[]) =>
  rows
    .map((row) => ({
      key: `${String(row.workshop)}|${row.artisan ? String(row.artisan) : '-'}|${row.day.toISOString()}`,
      month: row.month,
      money: [row.paidCents, row.labourMinutes, row.revenueCents, row.payouts],
      weeks: [...row.weeks].sort(),
      daysToMoney: [...row.daysToMoney].sort((left, right) => left - right),
    }))
    .sort((left, right) => left.key.localeCompare(right.key));

const storedRows = async () => comparable(await ImpactPaidDay.find({}).lean());
const rebuiltAt = async () => (await ImpactAggregateState.findById(PAID_DAYS_STATE_ID).lean())?.rebuiltAt;

describe('the impact report’s paid-days aggregate', () => {
  let network: Awaited<ReturnType<typeof seedHandNetwork>>;
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    network = await seedHandNetwork();
  });
  afterAll(disconnectDomainDatabase);

  it('is rebuilt from payments written around the services (a seed) and equals a fresh computation', async () => {
    await ensureImpactPaidDaysCurrent();
    const rows = await storedRows();
    expect(rows).toEqual(comparable(await computePaidDays()));
    // The eight confirmed payouts of hand-network.ts, the refused one left out.
    expect(rows.reduce((total, row) => total + row.money[0], 0)).toBe(480_000);
    expect(await rebuiltAt()).toBeInstanceOf(Date);
  });

  it('stays equal to a from-scratch computation as payments land, without a rebuild', async () => {
    const built = await rebuiltAt();
    const order = await Order.findOne({ reference: 'ANT-1' }).lean();
    const line = order!.lines[0];
    const passed = (artisan: Types.ObjectId | undefined, workshop: Types.ObjectId, minutes: number) =>
      makeJob({
        order: order!._id,
        orderLine: line._id,
        workshop,
        artisan,
        status: 'passed',
        labourMinutesPerUnit: minutes,
        passedQuantity: 4,
        pieceRateCents: 5_000,
        plannedWeek: '2026-W09',
        passedAt: new Date(Date.now() - 2 * 86_400_000),
      });
    const jobs = await Job.create([
      passed(network.akinyi._id, network.kibera._id, 30),
      passed(network.akinyi._id, network.kibera._id, 45),
      passed(network.chebet._id, network.mathare._id, 60),
      passed(undefined, network.mathare._id, 20),
    ]);
    const manager = makeActor('manager');
    // Two at once for the same artisan and day: both land in one row.
    await Promise.all(jobs.slice(0, 2).map((job) => recordPayment({ jobId: String(job._id), actor: manager })));
    for (const job of jobs.slice(2)) await recordPayment({ jobId: String(job._id), actor: manager });

    const rows = await storedRows();
    expect(rows).toEqual(comparable(await computePaidDays()));
    const today = comparable(await ImpactPaidDay.find({ day: nairobiDate(nairobiCalendarDay(new Date())) }).lean());
    // Akinyi: 2 × 4 × 5 000 paid, 4 × 30 + 4 × 45 minutes, 8 units at 20 000; Chebet and the workshop one payout each.
    expect(today.map((row) => row.money).sort()).toEqual([
      [20_000, 240, 80_000, 1],
      [20_000, 80, 80_000, 1],
      [40_000, 300, 160_000, 2],
    ]);
    await ensureImpactPaidDaysCurrent();
    expect(await rebuiltAt()).toEqual(built);
  });

  it('notices a payout refused after it was counted and leaves it out', async () => {
    const payment = await Payment.findOne({ 'payee.artisan': network.chebet._id, status: 'pending' }).lean();
    await Payment.updateOne({ _id: payment!._id }, { $set: { status: 'failed' } });
    await ensureImpactPaidDaysCurrent();
    const rows = await storedRows();
    expect(rows).toEqual(comparable(await computePaidDays()));
    expect(rows.some((row) => row.money[0] === 20_000 && row.money[1] === 240)).toBe(false);
  });
});
