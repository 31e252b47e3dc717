import { type Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { resolveImpactPeriod } from '#server/impact/impact-period';
import { monthGrain } from '#server/impact/month-grain';
import { paidMonthsOfDays } from '#server/impact/paid-days/paid-months';
import {
  computePaidDays,
  ensureImpactPaidDaysCurrent,
  rebuildImpactPaidDays,
} from '#server/impact/paid-days/rebuild-paid-days';
import { readImpactReport } from '#server/impact/read-impact-report';
import { computeWorkDays } from '#server/impact/work-days/compute-work-days';
import { ensureImpactWorkDaysCurrent } from '#server/impact/work-days/keep-work-days-current';
import { workMonthsOfDays } from '#server/impact/work-days/work-months';
import { ImpactPaidMonth } from '#server/models/impact-paid-month';
import { ImpactWorkDay } from '#server/models/impact-work-day';
import { ImpactWorkMonth } from '#server/models/impact-work-month';
import { Job } from '#server/models/job';
import { Order } from '#server/models/order';
import { recordInspection } from '#server/services/inspections/record-inspection';
import { recordPayment } from '#server/services/payments/record-payment';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedHandNetwork } from './hand-network';

type Payee = { artisan?: Types.ObjectId | null; workshop: Types.ObjectId; months: object };

/** Month documents as comparable values: keyed and sorted, lists in order, without ids and timestamps. */
const comparable = (payees: Payee[]) =>
  payees
    .map((payee) => ({
      key: `${String(payee.workshop)}|${payee.artisan ? String(payee.artisan) : '-'}`,
      months: Object.entries(
        (payee.months instanceof Map ? Object.fromEntries(payee.months) : payee.months) as Record<
          string,
          Record<string, unknown>
        >,
      )
        .map(([month, figures]): Record<string, unknown> & { month: string } => ({
          month,
          ...Object.fromEntries(
            Object.entries(figures).map(([name, value]) => [
              name,
              Array.isArray(value) ? [...(value as (string | number)[])].sort() : value,
            ]),
          ),
        }))
        .sort((left, right) => left.month.localeCompare(right.month)),
    }))
    .sort((left, right) => left.key.localeCompare(right.key));

const storedPaid = async () => comparable(await ImpactPaidMonth.find({}).lean());
const freshPaid = async () => comparable(paidMonthsOfDays(await computePaidDays()));
const storedWork = async () => comparable(await ImpactWorkMonth.find({}).lean());
// The day rows are checked against a fresh computation in work-days-aggregate.test.ts; here the
// months must stay their sums (a job passed around the services, as below, is in neither).
const freshWork = async () => comparable(workMonthsOfDays(await ImpactWorkDay.find({}).lean()));

const now = new Date('2026-03-04T10:00:00Z');

describe('the impact report’s month-grain aggregates', () => {
  let network: Awaited<ReturnType<typeof seedHandNetwork>>;
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    network = await seedHandNetwork();
    await Promise.all([ensureImpactPaidDaysCurrent(), ensureImpactWorkDaysCurrent()]);
  });
  afterAll(disconnectDomainDatabase);

  it('reads a month whole only where no boundary cuts it', () => {
    const grain = monthGrain({
      from: new Date('2025-12-31T21:00:00Z'),
      to: new Date('2026-03-31T21:00:00Z'),
      boundaries: [new Date('2026-02-09T21:00:00Z')],
    });
    expect(grain.wholeMonths.map((entry) => entry.month)).toEqual(['2026-01', '2026-03']);
    expect(grain.dayMonths).toEqual(['2026-02']);
  });

  it('is built with the day rows, and stays equal to a rebuild as payments and inspections land', async () => {
    // hand-network.ts: Akinyi is paid in January, February (twice) and March.
    const built = await storedPaid();
    expect(built).toEqual(await freshPaid());
    const akinyi = built.find((payee) => payee.key.endsWith(String(network.akinyi._id)));
    expect(akinyi?.months.map((month) => [month.month, month.paidCents])).toEqual([
      ['2026-01', 60_000],
      ['2026-02', 150_000],
      ['2026-03', 100_000],
    ]);
    expect(await storedWork()).toEqual(
      comparable(workMonthsOfDays(await computeWorkDays({ jobs: {}, inspections: {} }))),
    );

    const order = await Order.findOne({ reference: 'ANT-1' }).lean();
    const jobs = await Job.create([
      makeJob({
        order: order!._id,
        orderLine: order!.lines[0]._id,
        workshop: network.kibera._id,
        artisan: network.akinyi._id,
        status: 'passed',
        labourMinutesPerUnit: 30,
        passedQuantity: 4,
        pieceRateCents: 5_000,
        plannedWeek: '2026-W09',
        passedAt: new Date(Date.now() - 86_400_000),
      }),
      makeJob({ workshop: network.mathare._id, status: 'ready_for_qc', quantity: 4 }),
    ]);
    await recordPayment({ jobId: String(jobs[0]._id), actor: makeActor('manager') });
    await recordInspection({
      jobId: String(jobs[1]._id),
      actor: makeActor('field_officer'),
      passedQuantity: 4,
      failedQuantity: 0,
    });
    const landed = await storedPaid();
    expect(landed).toEqual(await freshPaid());
    expect(landed).not.toEqual(built);
    // The work months follow the inspection's event, after its transaction commits.
    await expect
      .poll(async () =>
        (await storedWork())
          .flatMap((maker) => maker.months)
          .reduce((sum, month) => sum + Number(month.unitsInspected), 0),
      )
      .toBe(44);
    expect(await storedWork()).toEqual(await freshWork());

    // A rebuild from scratch gives what the payments' own updates gave.
    await rebuildImpactPaidDays();
    expect(await storedPaid()).toEqual(landed);
  });

  it('gives the same figures whichever grain a month is read at', async () => {
    // The month report reads January whole; this custom one's previous period (Jan 4–31) cuts
    // January, so its months are read day by day: the figures that look back into January agree.
    const month = await readImpactReport({
      period: resolveImpactPeriod({ query: { kind: 'month', month: '2026-02' }, now }),
    });
    const custom = await readImpactReport({
      period: resolveImpactPeriod({ query: { kind: 'custom', from: '2026-02-01', to: '2026-02-28' }, now }),
    });
    expect(custom.current.byGender).toEqual(month.current.byGender);
    expect(custom.artisans).toEqual(month.artisans);
    expect(custom.byWorkshop).toEqual(month.byWorkshop);
    expect(month.current.byGender.all.paidCents).toBeGreaterThan(0);
  });
});
