import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { declareAbsence } from '#server/capacity/index';
import { readWorkshopDetail } from '#server/dashboard/read-workshop-detail';
import { DomainError, ForbiddenError, ValidationError } from '#server/domain/errors';
import { type DomainEventPayload } from '#server/domain/events';
import { domainEvents } from '#server/domain-events';
import { Artisan, AuditEvent, Job, Session, User, Workshop } from '#server/models/index';
import { moveArtisan } from '#server/services/registry/move-artisan';
import { type ArtisanInput, type WorkshopInput } from '#server/services/registry/registry-input';
import { createArtisan, updateArtisan } from '#server/services/registry/save-artisan';
import { createWorkshop, updateWorkshop } from '#server/services/registry/save-workshop';
import { createSessionRecord } from '#server/services/sessions/session-records';
import { createUser } from '#server/services/users/create-user';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

/** Monday 2 March 2026, 08:00 in Nairobi: the whole of week 2026-W10 is still ahead. */
const now = new Date('2026-03-02T05:00:00Z');
const planner = makeActor('planner');

const workshopFields = {
  code: 'kib-014',
  name: 'Tumaini Artisans',
  area: 'Kibera',
  skills: ['horn-carving', 'bone-carving'],
  phone: '0712 345 678',
  active: true,
} satisfies WorkshopInput;
const artisanFields = {
  name: 'Akinyi Otieno',
  gender: 'female',
  skills: ['horn-carving'],
  weeklyHours: 20,
  phone: '+254 722 000 111',
  language: 'sw',
} satisfies ArtisanInput;

/** The horn-carving capacity the workshop page shows for a week, in minutes. */
async function hornCapacity(workshopId: string, week: string): Promise<number> {
  const detail = await readWorkshopDetail({ workshopId, now });
  return detail.loads.find((load) => load.skill === 'horn-carving' && load.week === week)?.capacityMinutes ?? 0;
}

describe('the network registry', () => {
  let changes: DomainEventPayload<'capacity:changed'>[];
  let stop: () => void;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    changes = [];
    stop = domainEvents.subscribe('capacity:changed', (event) => changes.push(event));
  });
  afterEach(() => stop());

  it('onboards a workshop and an artisan, normalising the phone, auditing and announcing both', async () => {
    const { workshopId } = await createWorkshop({ actor: planner, now, ...workshopFields });
    const workshop = await Workshop.findById(workshopId).lean();
    expect(workshop).toMatchObject({ code: 'KIB-014', phone: '+254712345678', area: 'Kibera', active: true });
    expect(workshop?.location).toEqual({ lat: -1.3133, lng: 36.7879 });
    expect(await hornCapacity(workshopId, '2026-W10')).toBe(0);

    const { artisanId } = await createArtisan({ actor: planner, now, workshopId, ...artisanFields });
    expect(await Artisan.findById(artisanId).lean()).toMatchObject({
      phone: '+254722000111',
      language: 'sw',
      status: 'active',
      joinedAt: now,
    });
    // 20 hours a week, all of the week ahead.
    expect(await hornCapacity(workshopId, '2026-W10')).toBe(1200);
    expect(changes).toHaveLength(2);
    expect(changes[1].workshopIds).toEqual([workshopId]);
    expect(changes[1].weeks[0]).toBe('2026-W10');
    expect(await AuditEvent.countDocuments({ action: { $in: ['workshop.created', 'artisan.created'] } })).toBe(2);
  });

  it('refuses bad fields by name, a taken code, a taken phone and a skill the workshop lacks', async () => {
    const bad = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (error: unknown) => error,
      );
    const badCode = await bad(createWorkshop({ actor: planner, now, ...workshopFields, code: 'KIBERA' }));
    expect(badCode).toBeInstanceOf(ValidationError);
    expect((badCode as ValidationError).field).toBe('code');
    const badPhone = await bad(createWorkshop({ actor: planner, now, ...workshopFields, phone: '0201234567' }));
    expect((badPhone as ValidationError).field).toBe('phone');

    const { workshopId } = await createWorkshop({ actor: planner, now, ...workshopFields });
    const twice = await bad(createWorkshop({ actor: planner, now, ...workshopFields, name: 'Another' }));
    expect((twice as ValidationError).issues).toEqual([
      { field: 'code', message: 'KIB-014 is already another workshop’s code' },
    ]);

    await createArtisan({ actor: planner, now, workshopId, ...artisanFields });
    const samePhone = await bad(
      createArtisan({ actor: planner, now, workshopId, ...artisanFields, name: 'Baraka', phone: '0722000111' }),
    );
    expect(samePhone).toBeInstanceOf(ValidationError);
    expect((samePhone as ValidationError).issues).toEqual([
      { field: 'phone', message: '+254722000111 is already Akinyi Otieno’s number (KIB-014)' },
    ]);
    const otherSkill = await bad(
      createArtisan({
        actor: planner,
        now,
        workshopId,
        ...artisanFields,
        phone: '0733000222',
        skills: ['wood-turning'],
      }),
    );
    expect((otherSkill as ValidationError).field).toBe('skills');
    const hours = await bad(
      createArtisan({ actor: planner, now, workshopId, ...artisanFields, phone: '0733000222', weeklyHours: 70 }),
    );
    expect((hours as ValidationError).issues[0]).toEqual({
      field: 'weeklyHours',
      message: 'must be at most 60 hours a week',
    });
    expect(await Artisan.countDocuments()).toBe(1);
  });

  it('moves the dashboard’s capacity when weekly hours change and when days away are declared', async () => {
    const { workshopId } = await createWorkshop({ actor: planner, now, ...workshopFields });
    const { artisanId } = await createArtisan({ actor: planner, now, workshopId, ...artisanFields });
    expect(await hornCapacity(workshopId, '2026-W11')).toBe(1200);

    await updateArtisan({ actor: planner, now, artisanId, ...artisanFields, weeklyHours: 30 });
    expect(await hornCapacity(workshopId, '2026-W11')).toBe(1800);
    expect(await AuditEvent.findOne({ action: 'artisan.updated' }).lean()).toMatchObject({
      before: { weeklyHours: 20 },
      after: { weeklyHours: 30 },
    });

    // Away the whole of the next week: it has no horn carving left.
    await declareAbsence({ actor: planner, artisanId, from: '2026-03-09', to: '2026-03-13', reason: 'clinic', now });
    expect(await hornCapacity(workshopId, '2026-W11')).toBe(0);
    expect(await hornCapacity(workshopId, '2026-W10')).toBe(1800);
  });

  it('refuses to take an artisan or a workshop out of the network while they hold open work', async () => {
    const { workshopId } = await createWorkshop({ actor: planner, now, ...workshopFields });
    const { artisanId } = await createArtisan({ actor: planner, now, workshopId, ...artisanFields });
    const workshop = await Workshop.findById(workshopId).lean();
    const artisan = await Artisan.findById(artisanId).lean();
    if (!workshop || !artisan) throw new Error('the registry lost what it just saved');
    await Job.insertMany([
      makeJob({ workshop: workshop._id, artisan: artisan._id, status: 'accepted', skill: 'horn-carving' }),
      makeJob({ workshop: workshop._id, artisan: artisan._id, status: 'in_progress', skill: 'horn-carving' }),
      makeJob({ workshop: workshop._id, artisan: artisan._id, status: 'paid', skill: 'horn-carving' }),
    ]);

    const pause = updateArtisan({ actor: planner, now, artisanId, ...artisanFields, status: 'paused' });
    await expect(pause).rejects.toThrow(
      'Akinyi Otieno still has 2 open jobs (1 accepted, 1 in progress): finish, decline or cancel them first',
    );
    await expect(pause).rejects.toSatisfy((error) => error instanceof DomainError && error.status === 409);
    await expect(updateWorkshop({ actor: planner, now, workshopId, ...workshopFields, active: false })).rejects.toThrow(
      'Workshop KIB-014 still has 2 open jobs',
    );
    expect(await Artisan.findById(artisanId).lean()).toMatchObject({ status: 'active' });

    // Once the work is done they may leave, and their hours leave capacity with them.
    await Job.updateMany({ status: { $in: ['accepted', 'in_progress'] } }, { $set: { status: 'paid' } });
    await updateArtisan({ actor: planner, now, artisanId, ...artisanFields, status: 'left' });
    expect(await hornCapacity(workshopId, '2026-W11')).toBe(0);
    await updateWorkshop({ actor: planner, now, workshopId, ...workshopFields, active: false });
    expect(await Workshop.findById(workshopId).lean()).toMatchObject({ active: false });
  });

  it('closes the account of an artisan recorded as having left, ending their sessions at once', async () => {
    const { workshopId } = await createWorkshop({ actor: planner, now, ...workshopFields });
    const { artisanId } = await createArtisan({ actor: planner, now, workshopId, ...artisanFields });
    const account = await createUser({
      actor: makeActor('admin'),
      email: 'akinyi@test.kiwanda',
      name: 'Akinyi Otieno',
      role: 'artisan',
      artisanId,
      password: 'a long artisan password',
    });
    await createSessionRecord({ userId: account.id, expiresAt: new Date(now.getTime() + 3_600_000) });
    const ended: DomainEventPayload<'session:ended'>[] = [];
    const stopEnded = domainEvents.subscribe('session:ended', (event) => ended.push(event));
    try {
      // Paused is still in the network: the account stays open.
      await updateArtisan({ actor: planner, now, artisanId, ...artisanFields, status: 'paused' });
      expect(await User.findById(account.id).lean()).toMatchObject({ active: true });
      await updateArtisan({ actor: planner, now, artisanId, ...artisanFields, status: 'left' });
    } finally {
      stopEnded();
    }
    expect(await User.findById(account.id).lean()).toMatchObject({ active: false });
    expect(await Session.countDocuments({ user: account.id })).toBe(0);
    expect(ended).toEqual([{ userId: account.id, sessionId: null }]);
    const audit = await AuditEvent.findOne({ action: 'user.deactivated' }).lean();
    expect(audit).toMatchObject({ after: { active: false, endedSessions: 1, reason: 'the artisan left the network' } });

    // Saving the leaver again does not touch an account an administrator has since reopened.
    await User.updateOne({ _id: account.id }, { $set: { active: true } });
    await updateArtisan({ actor: planner, now, artisanId, ...artisanFields, name: 'Akinyi A. Otieno', status: 'left' });
    expect(await User.findById(account.id).lean()).toMatchObject({ active: true });
  });

  it('moves an artisan to another workshop: capacity follows, the rules are said by name', async () => {
    const { workshopId } = await createWorkshop({ actor: planner, now, ...workshopFields });
    const { artisanId } = await createArtisan({ actor: planner, now, workshopId, ...artisanFields });
    const { workshopId: boneOnly } = await createWorkshop({
      actor: planner,
      now,
      ...workshopFields,
      code: 'KIB-015',
      skills: ['bone-carving'],
    });
    const { workshopId: closed } = await createWorkshop({ actor: planner, now, ...workshopFields, code: 'KIB-016' });
    await updateWorkshop({
      actor: planner,
      now,
      workshopId: closed,
      ...workshopFields,
      code: 'KIB-016',
      active: false,
    });
    const { workshopId: target } = await createWorkshop({
      actor: planner,
      now,
      ...workshopFields,
      code: 'MAT-020',
      area: 'Mathare',
    });
    await Workshop.updateOne({ _id: workshopId }, { $set: { leadArtisan: artisanId } });
    const refusal = (to: string) =>
      moveArtisan({ actor: planner, now, artisanId, workshopId: to }).then(
        () => null,
        (error: ValidationError) => error.issues,
      );
    expect(await refusal(workshopId)).toEqual([
      { field: 'workshopId', message: 'is already Akinyi Otieno’s workshop' },
    ]);
    expect(await refusal(boneOnly)).toEqual([
      {
        field: 'workshopId',
        message: 'Horn carving is not among KIB-015’s skills: add it to the workshop first',
      },
    ]);
    expect(await refusal(closed)).toEqual([{ field: 'workshopId', message: 'KIB-016 is no longer active' }]);
    expect(await refusal('0'.repeat(24))).toEqual([
      { field: 'workshopId', message: 'is not a workshop of the network' },
    ]);
    await expect(moveArtisan({ actor: makeActor('manager'), now, artisanId, workshopId: target })).rejects.toThrow(
      ForbiddenError,
    );
    const artisan = await Artisan.findById(artisanId).lean();
    await Job.create(makeJob({ workshop: artisan!.workshop, artisan: artisan!._id, status: 'accepted' }));
    await expect(moveArtisan({ actor: planner, now, artisanId, workshopId: target })).rejects.toThrow(
      'Akinyi Otieno still has 1 open job (1 accepted)',
    );
    await Job.updateMany({}, { $set: { status: 'paid' } });

    changes = [];
    await moveArtisan({ actor: planner, now, artisanId, workshopId: target });
    expect(await hornCapacity(workshopId, '2026-W11')).toBe(0);
    expect(await hornCapacity(target, '2026-W11')).toBe(1200);
    expect(changes.map((change) => change.workshopIds)).toEqual([[workshopId, target]]);
    expect(await Workshop.findById(workshopId).lean()).not.toHaveProperty('leadArtisan');
    expect(await AuditEvent.findOne({ action: 'artisan.moved' }).lean()).toMatchObject({
      after: { leftWorkshopWithoutLead: true },
    });
  });

  it('lets only planners and administrators change the registry', async () => {
    const { workshopId } = await createWorkshop({ actor: makeActor('admin'), now, ...workshopFields });
    for (const role of ['manager', 'designer', 'field_officer', 'artisan'] as const) {
      await expect(createWorkshop({ actor: makeActor(role), now, ...workshopFields, code: 'KIB-015' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(createArtisan({ actor: makeActor(role), now, workshopId, ...artisanFields })).rejects.toThrow(
        ForbiddenError,
      );
    }
    expect(await Workshop.countDocuments()).toBe(1);
    expect(await Artisan.countDocuments()).toBe(0);
  });
});
