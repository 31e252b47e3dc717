import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '#server/domain/actor';
import { DomainError, ForbiddenError, type ValidationError } from '#server/domain/errors';
import { Artisan, AuditEvent, Session, User, Workshop } from '#server/models/index';
import { createSessionRecord } from '#server/services/sessions/session-records';
import { authenticateUser } from '#server/services/users/authenticate-user';
import { changeUserRole } from '#server/services/users/change-user-role';
import { createUser } from '#server/services/users/create-user';
import { deactivateUser } from '#server/services/users/deactivate-user';
import { inviteUser } from '#server/services/users/invite-user';
import { listUsers } from '#server/services/users/list-users';
import { reactivateUser } from '#server/services/users/reactivate-user';
import { resetUserPassword } from '#server/services/users/reset-user-password';
import { actorFromUser } from '#server/services/users/session-user';

import { makeActor } from '../../factories/actors';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const sessionsOf = (userId: string) => Session.countDocuments({ user: userId });
const startSession = (userId: string) => createSessionRecord({ userId, expiresAt: new Date(Date.now() + 3_600_000) });
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error,
  );

describe('user accounts, as administrators manage them', () => {
  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(clearDomainDatabase);

  const firstAdmin = async () => {
    const admin = await createUser({
      actor: SYSTEM_ACTOR,
      email: 'amani@test.kiwanda',
      name: 'Amani',
      role: 'admin',
      password: 'a long admin password',
    });
    return { admin, actor: actorFromUser(admin) };
  };

  it('opens accounts with a one-time password, linking an artisan by phone and a field officer to areas', async () => {
    const { actor } = await firstAdmin();
    const workshop = makeWorkshop();
    await Workshop.create(workshop);
    await Artisan.create(makeArtisan({ workshop: workshop._id, name: 'Wanjiku', phone: '+254711000222' }));

    const noAreas = await refusal(
      inviteUser({ actor, email: 'joseph@test.kiwanda', name: 'Joseph', role: 'field_officer' }),
    );
    expect((noAreas as ValidationError).issues).toEqual([
      { field: 'areas', message: 'choose the areas this field officer inspects' },
    ]);
    const unknownPhone = await refusal(
      inviteUser({ actor, email: 'w@test.kiwanda', name: 'Wanjiku', role: 'artisan', artisanPhone: '0799 999 999' }),
    );
    expect((unknownPhone as ValidationError).issues).toEqual([
      { field: 'artisanPhone', message: 'no artisan has +254799999999 on record' },
    ]);

    const officer = await inviteUser({
      actor,
      email: 'Joseph@Test.Kiwanda',
      name: 'Joseph Otieno',
      role: 'field_officer',
      areas: ['Kibera', 'Mathare'],
    });
    expect(officer.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await authenticateUser({ email: 'joseph@test.kiwanda', password: officer.temporaryPassword })).toMatchObject(
      {
        role: 'field_officer',
      },
    );
    const artisan = await inviteUser({
      actor,
      email: 'wanjiku@test.kiwanda',
      name: 'Wanjiku',
      role: 'artisan',
      artisanPhone: '0711 000 222',
    });
    expect(artisan.user.workshopId).toBe(String(workshop._id));
    expect(artisan.temporaryPassword).not.toBe(officer.temporaryPassword);

    const rows = await listUsers({ actor });
    expect(rows.map((row) => [row.email, row.role, row.areas, row.artisan?.workshopCode ?? null])).toEqual([
      ['amani@test.kiwanda', 'admin', [], null],
      ['joseph@test.kiwanda', 'field_officer', ['Kibera', 'Mathare'], null],
      ['wanjiku@test.kiwanda', 'artisan', [], workshop.code],
    ]);
    expect(rows.find((row) => row.role === 'field_officer')?.lastSignedInAt).toBeInstanceOf(Date);
  });

  it('changes roles ending the sessions, and never leaves Kiwanda without an active administrator', async () => {
    const { admin, actor } = await firstAdmin();
    const demote = await refusal(changeUserRole({ actor, userId: admin.id, role: 'planner' }));
    expect(demote).toBeInstanceOf(DomainError);
    expect((demote as DomainError).status).toBe(409);
    expect((demote as DomainError).message).toContain('last active administrator');
    const deactivate = await refusal(deactivateUser({ actor: SYSTEM_ACTOR, userId: admin.id }));
    expect((deactivate as DomainError).message).toContain('last active administrator');
    expect(await User.findById(admin.id).lean()).toMatchObject({ role: 'admin', active: true });

    const { user: second } = await inviteUser({ actor, email: 'b@test.kiwanda', name: 'Baraka', role: 'planner' });
    await startSession(second.id);
    await startSession(second.id);
    expect(await changeUserRole({ actor, userId: second.id, role: 'admin' })).toEqual({ endedSessions: 2 });
    expect(await sessionsOf(second.id)).toBe(0);
    // With a second administrator, the first may step down.
    await startSession(admin.id);
    await changeUserRole({ actor, userId: admin.id, role: 'manager' });
    expect(await User.findById(admin.id).lean()).toMatchObject({ role: 'manager' });
    expect(await sessionsOf(admin.id)).toBe(0);
    expect(await AuditEvent.countDocuments({ action: 'user.role_changed' })).toBe(2);

    const toArtisan = await refusal(changeUserRole({ actor, userId: second.id, role: 'artisan' }));
    expect((toArtisan as ValidationError).field).toBe('role');
  });

  it('resets a password, shown once, ending every session; deactivation ends them too', async () => {
    const { actor } = await firstAdmin();
    const { user, temporaryPassword } = await inviteUser({
      actor,
      email: 'c@test.kiwanda',
      name: 'Chebet',
      role: 'manager',
    });
    await startSession(user.id);
    const reset = await resetUserPassword({ actor, userId: user.id });
    expect(reset.endedSessions).toBe(1);
    expect(await authenticateUser({ email: 'c@test.kiwanda', password: temporaryPassword })).toBeNull();
    expect(await authenticateUser({ email: 'c@test.kiwanda', password: reset.temporaryPassword })).not.toBeNull();

    await startSession(user.id);
    expect(await deactivateUser({ actor, userId: user.id })).toEqual({ endedSessions: 1 });
    expect(await authenticateUser({ email: 'c@test.kiwanda', password: reset.temporaryPassword })).toBeNull();
    await reactivateUser({ actor, userId: user.id });
    expect(await authenticateUser({ email: 'c@test.kiwanda', password: reset.temporaryPassword })).not.toBeNull();
  });

  it('refuses every account action to anyone but an administrator', async () => {
    const { admin } = await firstAdmin();
    for (const role of ['planner', 'manager', 'artisan'] as const) {
      const actor = makeActor(role);
      await expect(listUsers({ actor })).rejects.toThrow(ForbiddenError);
      await expect(inviteUser({ actor, email: 'x@test.kiwanda', name: 'X', role: 'admin' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(changeUserRole({ actor, userId: admin.id, role: 'planner' })).rejects.toThrow(ForbiddenError);
      await expect(resetUserPassword({ actor, userId: admin.id })).rejects.toThrow(ForbiddenError);
      await expect(deactivateUser({ actor, userId: admin.id })).rejects.toThrow(ForbiddenError);
      await expect(reactivateUser({ actor, userId: admin.id })).rejects.toThrow(ForbiddenError);
    }
    expect(await User.countDocuments()).toBe(1);
  });
});
