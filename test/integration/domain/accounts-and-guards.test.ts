import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '#server/domain/actor';
import { type Role } from '#server/domain/roles';
import { Artisan } from '#server/models/artisan';
import { Job } from '#server/models/job';
import { User } from '#server/models/user';
import { Workshop } from '#server/models/workshop';
import { getJob, listJobs } from '#server/services/jobs/list-jobs';
import { transitionJob } from '#server/services/jobs/transition-job';
import { authenticateUser } from '#server/services/users/authenticate-user';
import { createUser } from '#server/services/users/create-user';
import { actorFromUser, type SessionUser } from '#server/services/users/session-user';

import { requireRole, requireUser } from '../../../app/auth.server';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { makeTestAppContext } from '../../support/app-context';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

const PASSWORD = 'correct horse battery';

const context = makeTestAppContext();
const { storage } = context.sessions;

async function cookieFor(user: SessionUser): Promise<string> {
  const session = await storage.getSession();
  session.set('userId', user.id);
  return (await storage.commitSession(session)).split(';')[0];
}

/** A loader's arguments for a request, as the server hands them over. */
const argsOf = (request: Request) => ({ request, context });

async function staff(role: Exclude<Role, 'artisan'>): Promise<SessionUser> {
  return createUser({
    email: `${role}@test.kiwanda`,
    name: `Test ${role}`,
    role,
    password: PASSWORD,
    actor: SYSTEM_ACTOR,
  });
}

async function caught(promise: Promise<unknown>): Promise<Response> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(thrown instanceof Response)) throw new Error(`expected a Response to be thrown, got ${String(thrown)}`);
  return thrown;
}

describe('accounts, sessions and role guards', () => {
  beforeAll(async () => {
    process.env.SESSION_SECRET ??= 'kiwanda-test-session-secret-0123456789';
    await connectDomainDatabase();
  });
  afterAll(disconnectDomainDatabase);
  beforeEach(clearDomainDatabase);

  it('stores an Argon2id hash, never the password, and signs in only with the right one', async () => {
    const planner = await staff('planner');
    const stored = await User.findById(planner.id).select('+passwordHash').lean();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(PASSWORD);
    expect(await authenticateUser({ email: 'PLANNER@test.kiwanda', password: PASSWORD })).toMatchObject({
      id: planner.id,
      role: 'planner',
    });
    expect(await authenticateUser({ email: 'planner@test.kiwanda', password: 'wrong password' })).toBeNull();
    expect(await authenticateUser({ email: 'nobody@test.kiwanda', password: PASSWORD })).toBeNull();
    await User.updateOne({ _id: planner.id }, { $set: { active: false } });
    expect(await authenticateUser({ email: 'planner@test.kiwanda', password: PASSWORD })).toBeNull();
  });

  it('names the field of a bad account', async () => {
    await staff('manager');
    await expect(staff('manager')).rejects.toMatchObject({ field: 'email' });
    await expect(
      createUser({ email: 'a@test.kiwanda', name: 'A', role: 'artisan', password: PASSWORD, actor: SYSTEM_ACTOR }),
    ).rejects.toMatchObject({ field: 'artisanId' });
    await expect(
      createUser({ email: 'b@test.kiwanda', name: 'B', role: 'planner', password: 'short', actor: SYSTEM_ACTOR }),
    ).rejects.toMatchObject({ field: 'password' });
  });

  it('sends a visitor to sign in and back, and refuses a field officer the planner’s pages', async () => {
    const visitor = await caught(requireUser(argsOf(new Request('http://kiwanda.test/planning?week=2026-W48'))));
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get('Location')).toBe('/login?redirectTo=%2Fplanning%3Fweek%3D2026-W48');

    const officer = await staff('field_officer');
    const officerRequest = new Request('http://kiwanda.test/planning', {
      headers: { Cookie: await cookieFor(officer) },
    });
    expect((await caught(requireRole(argsOf(officerRequest), 'planning'))).status).toBe(403);
    await expect(requireRole(argsOf(officerRequest), 'inspections')).resolves.toMatchObject({ id: officer.id });

    const planner = await staff('planner');
    const plannerRequest = new Request('http://kiwanda.test/planning', {
      headers: { Cookie: await cookieFor(planner) },
    });
    await expect(requireRole(argsOf(plannerRequest), 'planning')).resolves.toMatchObject({ role: 'planner' });
    expect((await caught(requireRole(argsOf(plannerRequest), ['admin']))).status).toBe(403);
  });

  it('treats a tampered cookie as no session', async () => {
    const admin = await staff('admin');
    const cookie = await cookieFor(admin);
    const forged = cookie.replace(/=(.)/, (_match, first: string) => `=${first === 'e' ? 'f' : 'e'}`);
    expect(
      (await caught(requireUser(argsOf(new Request('http://kiwanda.test/', { headers: { Cookie: forged } }))))).status,
    ).toBe(302);
  });

  it('shows an artisan only her own jobs and the open offers to her workshop', async () => {
    const [workshop, otherWorkshop] = await Workshop.create([makeWorkshop(), makeWorkshop()]);
    const [wanjiku, akinyi, stranger] = await Artisan.create([
      makeArtisan({ workshop: workshop._id }),
      makeArtisan({ workshop: workshop._id }),
      makeArtisan({ workshop: otherWorkshop._id }),
    ]);
    const user = await createUser({
      email: 'wanjiku@test.kiwanda',
      name: wanjiku.name,
      role: 'artisan',
      password: PASSWORD,
      artisanId: String(wanjiku._id),
      actor: SYSTEM_ACTOR,
    });
    expect(user).toMatchObject({ artisanId: String(wanjiku._id), workshopId: String(workshop._id) });
    const [own, colleagues, offer, elsewhere] = await Job.create([
      makeJob({ workshop: workshop._id, artisan: wanjiku._id, status: 'in_progress' }),
      makeJob({ workshop: workshop._id, artisan: akinyi._id, status: 'in_progress' }),
      makeJob({ workshop: workshop._id, status: 'offered' }),
      makeJob({ workshop: otherWorkshop._id, artisan: stranger._id, status: 'accepted' }),
    ]);
    const actor = actorFromUser(user);

    const visible = await listJobs({ actor });
    expect(visible.map((job) => String(job._id)).sort()).toEqual([String(own._id), String(offer._id)].sort());
    await expect(getJob({ actor, jobId: String(colleagues._id) })).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(getJob({ actor, jobId: String(elsewhere._id) })).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(transitionJob({ jobId: String(colleagues._id), to: 'ready_for_qc', actor })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(transitionJob({ jobId: String(elsewhere._id), to: 'in_progress', actor })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(transitionJob({ jobId: String(own._id), to: 'cancelled', actor })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });

    const accepted = await transitionJob({ jobId: String(offer._id), to: 'accepted', actor });
    expect(String(accepted.artisan)).toBe(String(wanjiku._id));
    expect((await listJobs({ actor })).map((job) => String(job._id)).sort()).toEqual(
      [String(own._id), String(offer._id)].sort(),
    );
    expect(await listJobs({ actor: actorFromUser({ ...user, artisanId: String(akinyi._id) }) })).toHaveLength(1);
  });
});
