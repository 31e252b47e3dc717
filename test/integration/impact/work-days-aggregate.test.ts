import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAggregateFingerprint } from '#server/impact/aggregate-state';
import { computeWorkDays } from '#server/impact/work-days/compute-work-days';
import { ensureImpactWorkDaysCurrent, WORK_DAYS_STATE_ID } from '#server/impact/work-days/keep-work-days-current';
import { ImpactWorkDay, type ImpactWorkDayDoc } from '#server/models/impact-work-day';
import { Inspection } from '#server/models/inspection';
import { Job } from '#server/models/job';
import { recordInspection } from '#server/services/inspections/record-inspection';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';
import { seedHandNetwork } from './hand-network';

/** Rows as comparable values: keyed and sorted, without ids and timestamps. */
const comparable = (rows: Omit<ImpactWorkDayDoc, '_id'>[]) =>
  rows
    .map((row) => ({
      key: `${String(row.workshop)}|${row.artisan ? String(row.artisan) : '-'}|${row.day.toISOString()}`,
      counts: [row.jobsPassed, row.jobsOnTime, row.unitsInspected, row.unitsPassed],
    }))
    .sort((left, right) => left.key.localeCompare(right.key));

const stored = async () => comparable(await ImpactWorkDay.find({}).lean());
const fresh = async () => comparable(await computeWorkDays({ jobs: {}, inspections: {} }));

describe('the impact report’s work-days aggregate', () => {
  let network: Awaited<ReturnType<typeof seedHandNetwork>>;
  beforeAll(async () => {
    await connectDomainDatabase();
    await clearDomainDatabase();
    network = await seedHandNetwork();
  });
  afterAll(disconnectDomainDatabase);

  it('is rebuilt from jobs and inspections written around the services and stays equal as inspections land', async () => {
    await ensureImpactWorkDaysCurrent();
    expect(await stored()).toEqual(await fresh());
    // hand-network.ts: seven jobs passed, all but Akinyi's second by their due date; 40 units inspected, 32 passed.
    const totals = (await stored()).reduce(
      (sum, row) => sum.map((value, index) => value + row.counts[index]),
      [0, 0, 0, 0],
    );
    expect(totals).toEqual([7, 6, 40, 32]);

    const officer = makeActor('field_officer');
    const jobs = await Job.create([
      makeJob({ workshop: network.kibera._id, artisan: network.akinyi._id, status: 'ready_for_qc', quantity: 6 }),
      makeJob({ workshop: network.mathare._id, status: 'ready_for_qc', quantity: 4 }),
    ]);
    await recordInspection({ jobId: String(jobs[0]._id), actor: officer, passedQuantity: 6, failedQuantity: 0 });
    await recordInspection({
      jobId: String(jobs[1]._id),
      actor: officer,
      passedQuantity: 3,
      failedQuantity: 1,
      defects: [{ reason: 'scratches', quantity: 1 }],
    });
    // The rows follow the inspections' events, after their transactions commit.
    await expect.poll(stored).toEqual(await fresh());
    const after = (await stored()).reduce(
      (sum, row) => sum.map((value, index) => value + row.counts[index]),
      [0, 0, 0, 0],
    );
    // The first job passes (late: due in March); the second goes back for rework of the failed unit.
    expect(after).toEqual([8, 6, 50, 41]);
    // Counted into the fingerprint (written just after each row): the next read finds the
    // aggregate current and keeps it.
    const countedInspections = async () =>
      Number((await readAggregateFingerprint({ id: WORK_DAYS_STATE_ID }))?.split(':')[0]);
    await expect.poll(countedInspections).toBe(await Inspection.countDocuments());
    const before = await ImpactWorkDay.findOne({}).sort({ updatedAt: -1 }).lean();
    await ensureImpactWorkDaysCurrent();
    expect(await ImpactWorkDay.findById(before!._id).lean()).not.toBeNull();
  });
});
