import { type Types } from 'mongoose';

import { domainEvents } from '../../domain-events';
import { ImpactWorkDay } from '../../models/impact-work-day';
import { ImpactWorkMonth } from '../../models/impact-work-month';
import { Inspection } from '../../models/inspection';
import { Job } from '../../models/job';
import {
  bumpAggregateRevision,
  readAggregateFingerprint,
  singleFlightRefresher,
  writeAggregateFingerprint,
} from '../aggregate-state';
import { computeWorkDays, nairobiDayStart, type WorkDayKey } from './compute-work-days';
import { refreshWorkMonth, workMonthsOfDays } from './work-months';

/** The impact_aggregate_states entry of the work-days aggregate. */
export const WORK_DAYS_STATE_ID = 'impact_work_days';
const INSERT_BATCH = 5_000;
const DAY_MS = 86_400_000;

/**
 * Inspections are how work passes, so their count and newest id say whether the aggregate has
 * seen all of it: a seed or an import changes them without passing through the events below.
 */
async function inspectionsFingerprint(): Promise<{ count: number; newest: string }> {
  const [count, newest] = await Promise.all([
    Inspection.estimatedDocumentCount(),
    Inspection.findOne({}, { _id: 1 }).sort({ _id: -1 }).lean(),
  ]);
  return { count, newest: newest ? String(newest._id) : '-' };
}
/** As in payments-fingerprint.ts: a fingerprint from before impact_work_months existed is stale. */
const LAYOUT = 'days+months';
const fingerprintText = ({ count, newest }: { count: number; newest: string }) => `${count}:${newest}:${LAYOUT}`;

async function replaceAll(
  collection: typeof ImpactWorkDay.collection | typeof ImpactWorkMonth.collection,
  rows: readonly object[],
): Promise<void> {
  await collection.deleteMany({});
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await collection.insertMany(rows.slice(start, start + INSERT_BATCH), { ordered: false });
  }
}

/** Rebuilds impact_work_days from every passed job and every inspection, and impact_work_months from those days. */
export async function rebuildImpactWorkDays(): Promise<{ rows: number }> {
  await Promise.all([ImpactWorkDay.init(), ImpactWorkMonth.init()]);
  const fingerprint = await inspectionsFingerprint();
  const rows = await computeWorkDays({ jobs: {}, inspections: {} });
  await replaceAll(ImpactWorkDay.collection, rows);
  await replaceAll(ImpactWorkMonth.collection, workMonthsOfDays(rows));
  await writeAggregateFingerprint({
    id: WORK_DAYS_STATE_ID,
    fingerprint: fingerprintText(fingerprint),
    rebuiltAt: new Date(),
  });
  return { rows: rows.length };
}

export const ensureImpactWorkDaysCurrent = singleFlightRefresher({
  async isCurrent() {
    const [recorded, actual] = await Promise.all([
      readAggregateFingerprint({ id: WORK_DAYS_STATE_ID }),
      inspectionsFingerprint(),
    ]);
    return recorded === fingerprintText(actual);
  },
  rebuild: rebuildImpactWorkDays,
});

/** Recomputes one maker's day from the jobs and inspections under it, then that maker's month. */
async function refreshWorkDay(key: WorkDayKey): Promise<void> {
  const maker = { workshop: key.workshop, artisan: key.artisan };
  const day = { $gte: key.day, $lt: new Date(key.day.getTime() + DAY_MS) };
  const [row] = await computeWorkDays({
    jobs: { ...maker, passedAt: day },
    inspections: { ...maker, inspectedAt: day },
  });
  if (!row) await ImpactWorkDay.deleteOne({ ...maker, day: key.day });
  else {
    const { createdAt: _created, updatedAt: _updated, ...figures } = row;
    await ImpactWorkDay.updateOne({ ...maker, day: key.day }, { $set: figures }, { upsert: true });
  }
  await refreshWorkMonth(key);
}

/**
 * After an inspection: its maker's day is recomputed and, when the aggregate was current before
 * it, counted into the fingerprint; a stale aggregate stays stale and is rebuilt on the next read.
 */
async function afterInspection({ inspectionId }: { inspectionId: string }): Promise<void> {
  const recorded = await readAggregateFingerprint({ id: WORK_DAYS_STATE_ID });
  if (!recorded?.endsWith(`:${LAYOUT}`)) return;
  const inspection = await Inspection.findById(inspectionId, { artisan: 1, workshop: 1, inspectedAt: 1 }).lean();
  if (!inspection) return;
  await refreshWorkDay({
    artisan: inspection.artisan ?? null,
    workshop: inspection.workshop,
    day: nairobiDayStart(inspection.inspectedAt),
  });
  const [count, newest] = recorded.split(':');
  // NOTE: read-modify-write, serialised in this process (oneAtATime); two processes racing here
  // leave the count short, which only costs a rebuild on the next read.
  const newer = newest === '-' || inspectionId > newest ? inspectionId : newest;
  await writeAggregateFingerprint({
    id: WORK_DAYS_STATE_ID,
    fingerprint: fingerprintText({ count: Number(count) + 1, newest: newer }),
  });
}

/** A job passed without an inspection (a planner moving it by hand): its day is recomputed. */
async function afterJobPassed({ jobId }: { jobId: string }): Promise<void> {
  if (!(await readAggregateFingerprint({ id: WORK_DAYS_STATE_ID }))?.endsWith(`:${LAYOUT}`)) return;
  const job = await Job.findById(jobId, { artisan: 1, workshop: 1, passedAt: 1 }).lean();
  if (!job?.passedAt) return;
  await refreshWorkDay({
    artisan: (job.artisan as Types.ObjectId | undefined) ?? null,
    workshop: job.workshop,
    day: nairobiDayStart(job.passedAt),
  });
  // No inspection to count in the fingerprint, but the rows moved: processes keeping them reload.
  await bumpAggregateRevision({ id: WORK_DAYS_STATE_ID });
}

const logFailure = (error: unknown) => {
  // A failed refresh leaves the fingerprint unequal or a row stale until the next rebuild.
  console.error('impact work-days refresh failed', error);
};

/**
 * The handlers below run one at a time in this process: each reads the fingerprint, refreshes
 * rows and writes the fingerprint back, and two interleaved would count one inspection.
 */
let inOrder: Promise<unknown> = Promise.resolve();
const oneAtATime = (work: () => Promise<void>) => {
  inOrder = inOrder.then(work).catch(logFailure);
};

// Subscribed once per process, when the report's modules load (the load context imports them);
// to this process's own events only, so that with several processes each row is refreshed once.
domainEvents.subscribeLocal('inspection:recorded', (event) => oneAtATime(() => afterInspection(event)));
domainEvents.subscribeLocal('job:status', (event) => {
  if (event.to === 'passed') oneAtATime(() => afterJobPassed(event));
});
