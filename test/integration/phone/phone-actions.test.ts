import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type Actor } from '#server/domain/actor';
import { ForbiddenError, IllegalTransitionError } from '#server/domain/errors';
import { Artisan } from '#server/models/artisan';
import { Inspection } from '#server/models/inspection';
import { Job } from '#server/models/job';
import { PhoneAction } from '#server/models/phone-action';
import { User } from '#server/models/user';
import { Workshop } from '#server/models/workshop';
import { readInspectionQueue } from '#server/services/inspections/read-inspection-queue';
import { readArtisanEarnings } from '#server/services/jobs/read-artisan-earnings';
import { readArtisanJobs } from '#server/services/jobs/read-artisan-jobs';
import { applyPhoneAction } from '#server/services/phone-actions/apply-phone-action';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const now = new Date('2026-03-03T09:00:00Z');
let sequence = 0;
const nextId = () => `test-action-${String(++sequence).padStart(8, '0')}`;

describe('phone actions, applied exactly once and only by whom they concern', () => {
  let lead: Actor;
  let maker: Actor;
  let neighbour: Actor;
  let officer: Actor;
  let jobId: string;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    const workshop = await Workshop.create(makeWorkshop({ area: 'Kibera' }));
    const [leader, other, third] = await Artisan.create([
      makeArtisan({ workshop: workshop._id }),
      makeArtisan({ workshop: workshop._id }),
      makeArtisan({ workshop: workshop._id }),
    ]);
    await Workshop.updateOne({ _id: workshop._id }, { $set: { leadArtisan: leader._id } });
    const artisanActor = (artisanId: Types.ObjectId) =>
      makeActor('artisan', { artisanId: String(artisanId), workshopId: String(workshop._id) });
    lead = artisanActor(leader._id);
    maker = artisanActor(other._id);
    neighbour = artisanActor(third._id);
    const officerUser = await User.create({
      email: `officer-${sequence}@test.kiwanda`,
      name: 'Officer',
      role: 'field_officer',
      passwordHash: 'x',
      areas: ['Kibera'],
    });
    officer = makeActor('field_officer', { userId: String(officerUser._id) });
    const job = await Job.create(makeJob({ workshop: workshop._id, quantity: 4, status: 'offered' }));
    jobId = String(job._id);
  });

  const act = (actor: Actor, action: Record<string, unknown>, actionId = nextId()) =>
    applyPhoneAction({ actor, actionId, action, now });

  it('applies an action once and answers every resend of its id with the first result', async () => {
    const actionId = nextId();
    const first = await act(maker, { kind: 'accept', jobId }, actionId);
    const again = await act(maker, { kind: 'accept', jobId }, actionId);
    expect(first).toMatchObject({ jobId, status: 'accepted', replayed: false });
    expect(again).toMatchObject({ jobId, status: 'accepted', replayed: true });
    const job = await Job.findById(jobId).lean();
    expect(job?.statusHistory.map((change) => change.to)).toEqual(['offered', 'accepted']);
    expect(String(job?.artisan)).toBe(maker.artisanId);
  });

  it('applies eight copies of one inspection sent at once exactly once', async () => {
    await act(maker, { kind: 'accept', jobId });
    await act(maker, { kind: 'ready', jobId });
    const actionId = nextId();
    const inspection = {
      kind: 'inspection',
      jobId,
      passedQuantity: '3',
      failedQuantity: '1',
      defects: [{ reason: 'scratches', quantity: 1 }],
    };
    const answers = await Promise.all(Array.from({ length: 8 }, () => act(officer, inspection, actionId)));
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.inspectionId)).size).toBe(1);
    expect(await Inspection.countDocuments({ job: new Types.ObjectId(jobId) })).toBe(1);
    expect(await PhoneAction.countDocuments({ actionId })).toBe(1);
    const job = await Job.findById(jobId).lean();
    expect(job).toMatchObject({ status: 'failed', passedQuantity: 3, failedQuantity: 1, madeQuantity: 0 });
  });

  it('refuses another artisan the job one has taken, and a second accept of a taken offer', async () => {
    await act(maker, { kind: 'accept', jobId });
    await expect(act(neighbour, { kind: 'progress', jobId, madeQuantity: '2' })).rejects.toThrow(ForbiddenError);
    await expect(act(neighbour, { kind: 'accept', jobId })).rejects.toThrow(IllegalTransitionError);
    const declined = await Job.create(makeJob({ workshop: new Types.ObjectId(maker.workshopId), status: 'declined' }));
    await expect(act(maker, { kind: 'accept', jobId: String(declined._id) })).rejects.toThrow(IllegalTransitionError);
    expect((await readArtisanJobs({ actor: neighbour })).work).toHaveLength(0);
  });

  it('lets the workshop lead accept for an artisan and share the job, and no one else share it', async () => {
    await act(lead, { kind: 'accept', jobId, artisanId: maker.artisanId });
    expect(String((await Job.findById(jobId).lean())?.artisan)).toBe(maker.artisanId);
    await expect(act(maker, { kind: 'share', jobId, artisanId: neighbour.artisanId })).rejects.toThrow(ForbiddenError);
    await act(lead, { kind: 'share', jobId, artisanId: neighbour.artisanId });
    expect(String((await Job.findById(jobId).lean())?.artisan)).toBe(neighbour.artisanId);
    const leadView = await readArtisanJobs({ actor: lead });
    expect(leadView.team).toHaveLength(3);
    expect(leadView.work.map((job) => job.id)).toEqual([jobId]);
  });

  it('reports progress, marks ready, and counts the pay as waiting, then due once passed', async () => {
    await act(maker, { kind: 'accept', jobId });
    await act(maker, { kind: 'progress', jobId, madeQuantity: '2' });
    expect(await Job.findById(jobId).lean()).toMatchObject({ status: 'in_progress', madeQuantity: 2 });
    await expect(act(maker, { kind: 'progress', jobId, madeQuantity: '5' })).rejects.toThrow(/madeQuantity/);
    await act(maker, { kind: 'ready', jobId });
    const waiting = await readArtisanEarnings({ actor: maker, now });
    expect(waiting.totals).toEqual({ waiting: 400_000, due: 0, paid: 0 });
    await act(officer, { kind: 'inspection', jobId, passedQuantity: '4', failedQuantity: '0' });
    const due = await readArtisanEarnings({ actor: maker, now });
    expect(due.totals).toEqual({ waiting: 0, due: 400_000, paid: 0 });
    await expect(act(officer, { kind: 'inspection', jobId, passedQuantity: '4', failedQuantity: '0' })).rejects.toThrow(
      IllegalTransitionError,
    );
  });

  it('shows an officer only the jobs of their areas, and refuses them the others', async () => {
    const elsewhere = await Workshop.create(makeWorkshop({ area: 'Mathare' }));
    const far = await Job.create(makeJob({ workshop: elsewhere._id, status: 'ready_for_qc' }));
    await act(maker, { kind: 'accept', jobId });
    await act(maker, { kind: 'ready', jobId });
    const queue = await readInspectionQueue({ actor: officer });
    expect(queue.groups.map((group) => [group.area, group.visits.map((visit) => visit.jobId)])).toEqual([
      ['Kibera', [jobId]],
    ]);
    await expect(
      act(officer, { kind: 'inspection', jobId: String(far._id), passedQuantity: '10', failedQuantity: '0' }),
    ).rejects.toThrow(ForbiddenError);
  });
});
