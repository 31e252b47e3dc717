import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { IllegalTransitionError } from '#server/domain/errors';
import { JOB_STATUSES, JOB_TRANSITIONS, type JobStatus } from '#server/domain/job-status';
import { domainEvents } from '#server/domain-events';
import { AuditEvent } from '#server/models/audit-event';
import { Job } from '#server/models/job';
import { Workshop } from '#server/models/workshop';
import { transitionJob } from '#server/services/jobs/transition-job';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const planner = makeActor('planner');

describe('job state machine', () => {
  let workshopId: Types.ObjectId;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    const workshop = await Workshop.create(makeWorkshop());
    workshopId = workshop._id;
  });

  const illegalMoves = JOB_STATUSES.flatMap((from) =>
    JOB_STATUSES.filter((to) => !JOB_TRANSITIONS[from].includes(to)).map((to) => [from, to] as const),
  );

  it('lists the illegal moves it refuses', () => {
    // 9 statuses × 9 targets, less the 12 allowed moves.
    expect(illegalMoves).toHaveLength(81 - 12);
  });

  it.each(illegalMoves)('refuses %s → %s and leaves the job as it was', async (from, to) => {
    const job = await Job.create(makeJob({ workshop: workshopId, status: from }));
    const error = await transitionJob({ jobId: String(job._id), to, actor: planner }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect((error as Error).message).toBe(`job ${String(job._id)} cannot go from ${from} to ${to}`);
    const after = await Job.findById(job._id).lean();
    expect(after?.status).toBe(from);
    expect(after?.statusHistory).toHaveLength(1);
    expect(await AuditEvent.countDocuments({ 'entity.id': job._id })).toBe(0);
  });

  it('refuses the moves only QC or a payment may make, even though the machine allows them', async () => {
    const ready = await Job.create(makeJob({ workshop: workshopId, status: 'ready_for_qc' }));
    await expect(transitionJob({ jobId: String(ready._id), to: 'passed', actor: planner })).rejects.toThrow(
      /cannot go from ready_for_qc to passed: only a QC inspection decides that/,
    );
    const passed = await Job.create(makeJob({ workshop: workshopId, status: 'passed' }));
    await expect(transitionJob({ jobId: String(passed._id), to: 'paid', actor: planner })).rejects.toThrow(
      /cannot go from passed to paid: only a recorded payment does that/,
    );
  });

  it('moves a job along, records history and audit, and publishes after the commit', async () => {
    const job = await Job.create(makeJob({ workshop: workshopId, status: 'offered' }));
    const seen: { to: string; committed: boolean }[] = [];
    const stop = domainEvents.subscribe('job:status', async (event) => {
      const stored = await Job.findById(event.jobId).lean();
      seen.push({ to: event.to, committed: stored?.status === event.to });
    });
    try {
      const steps: JobStatus[] = ['accepted', 'in_progress', 'ready_for_qc'];
      for (const to of steps) await transitionJob({ jobId: String(job._id), to, actor: planner });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop();
    }
    const after = await Job.findById(job._id).lean();
    expect(after?.status).toBe('ready_for_qc');
    expect(after?.statusHistory.map((change) => `${change.from}→${change.to}`)).toEqual([
      'null→offered',
      'offered→accepted',
      'accepted→in_progress',
      'in_progress→ready_for_qc',
    ]);
    const audit = await AuditEvent.find({ 'entity.id': job._id }).sort({ at: 1, _id: 1 }).lean();
    expect(audit.map((event) => event.action)).toEqual(['job.accepted', 'job.in_progress', 'job.ready_for_qc']);
    expect(audit[0].before).toMatchObject({ status: 'offered' });
    expect(audit[0].after).toMatchObject({ status: 'accepted' });
    expect(audit[0].actor).toMatchObject({ role: 'planner', label: planner.label });
    expect(seen).toEqual([
      { to: 'accepted', committed: true },
      { to: 'in_progress', committed: true },
      { to: 'ready_for_qc', committed: true },
    ]);
  });

  it('lets only one of two concurrent moves from the same status win', async () => {
    const job = await Job.create(makeJob({ workshop: workshopId, status: 'offered' }));
    const results = await Promise.allSettled([
      transitionJob({ jobId: String(job._id), to: 'accepted', actor: planner }),
      transitionJob({ jobId: String(job._id), to: 'declined', actor: planner }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(IllegalTransitionError);
    const after = await Job.findById(job._id).lean();
    expect(after?.statusHistory).toHaveLength(2);
  });

  it('names the field of bad input', async () => {
    await expect(transitionJob({ jobId: 'nope', to: 'accepted', actor: planner })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'jobId',
    });
    await expect(
      transitionJob({ jobId: new Types.ObjectId().toHexString(), to: 'finished' as JobStatus, actor: planner }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'to' });
  });
});
