import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Absence, Artisan, Job, Session, User, Workshop } from '#server/models/index';
import { createArtisan } from '#server/services/registry/save-artisan';
import { createWorkshop } from '#server/services/registry/save-workshop';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { connectSignedIn, type TestSocket } from '../dashboard/socket-client';

/**
 * HQ's registry and accounts pages as a browser without JavaScript gets them: who may open them,
 * and what their forms answer. One server for both: starting one is most of such a test's time.
 */
describe('registry and account routes over HTTP', () => {
  let server: RunningKiwanda;
  let planner: string;
  let adminSession: { cookie: string; user: { id: string } };
  const sockets: TestSocket[] = [];
  let workshopId: string;
  let artisanId: string;
  const others: Record<string, string> = {};

  const request = (path: string, cookie?: string, form?: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: cookie ? { Cookie: cookie } : {},
      body: form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    });

  const workshopForm = {
    code: 'MAT-410',
    name: 'Baraka Horn',
    area: 'Mathare',
    phone: '0711 222 333',
    'skill.horn-carving': 'on',
    active: 'on',
  };
  const artisanForm = {
    intent: 'save',
    name: 'Otieno Juma',
    gender: 'male',
    phone: '0799 000 111',
    weeklyHours: '30',
    language: 'en',
    status: 'active',
    'skill.horn-carving': 'on',
  };

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    ({ workshopId } = await createWorkshop({
      actor: makeActor('planner'),
      now: new Date(),
      code: 'KAW-100',
      name: 'Kawangware Carvers',
      area: 'Kawangware',
      skills: ['horn-carving'],
      phone: '0700 100 100',
    }));
    ({ artisanId } = await createArtisan({
      actor: makeActor('planner'),
      now: new Date(),
      workshopId,
      name: 'Mercy Wanjiru',
      gender: 'female',
      skills: ['horn-carving'],
      weeklyHours: 20,
      phone: '0700 200 200',
    }));
    planner = (await signIn({ baseUrl: server.url, role: 'planner' })).cookie;
    others.manager = (await signIn({ baseUrl: server.url, role: 'manager' })).cookie;
    others.artisan = (await signIn({ baseUrl: server.url, role: 'artisan', artisanId })).cookie;
    adminSession = await signIn({ baseUrl: server.url, role: 'admin' });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await server?.close();
  });

  it('answers 403 to managers and artisans on every registry page and form, and hides the links from managers', async () => {
    const artisanPage = `/workshops/${workshopId}/artisans/${artisanId}`;
    for (const [role, cookie] of Object.entries(others)) {
      for (const path of [
        '/workshops/new',
        `/workshops/${workshopId}/edit`,
        `/workshops/${workshopId}/artisans/new`,
        artisanPage,
      ]) {
        expect({ role, path, status: (await request(path, cookie)).status }).toEqual({ role, path, status: 403 });
      }
      const posts: [string, Record<string, string>][] = [
        ['/workshops/new', { ...workshopForm, code: 'MAT-411' }],
        [`/workshops/${workshopId}/edit`, { ...workshopForm, code: 'KAW-100', active: '' }],
        [`/workshops/${workshopId}/artisans/new`, artisanForm],
        [artisanPage, { ...artisanForm, weeklyHours: '60' }],
        [artisanPage, { intent: 'declare', from: '2099-03-02', to: '2099-03-06' }],
      ];
      for (const [path, form] of posts) {
        expect({ role, path, status: (await request(path, cookie, form)).status }).toEqual({ role, path, status: 403 });
      }
    }
    expect(await Workshop.countDocuments()).toBe(1);
    expect(await Artisan.findById(artisanId).lean()).toMatchObject({ weeklyHours: 20 });
    expect(await Absence.countDocuments()).toBe(0);

    const managerList = await (await request('/workshops', others.manager)).text();
    expect(managerList).not.toContain('Add a workshop');
    const managerWorkshop = await (await request(`/workshops/${workshopId}`, others.manager)).text();
    expect(managerWorkshop).not.toContain('Edit the workshop');
    expect(managerWorkshop).not.toContain(`/artisans/${artisanId}`);
    const plannerWorkshop = await (await request(`/workshops/${workshopId}`, planner)).text();
    expect(plannerWorkshop).toContain(`href="/workshops/${workshopId}/artisans/${artisanId}"`);
  });

  it('refuses bad forms naming the field, then saves a workshop and its artisan', async () => {
    const badArea = await request('/workshops/new', planner, { ...workshopForm, area: 'Westlands' });
    expect(badArea.status).toBe(400);
    expect(await badArea.text()).toContain('choose one of the Nairobi areas listed');
    const noSkill = await request('/workshops/new', planner, { ...workshopForm, 'skill.horn-carving': '' });
    expect(noSkill.status).toBe(400);
    expect(await noSkill.text()).toContain('choose at least one skill');

    const created = await request('/workshops/new', planner, workshopForm);
    expect(created.status).toBe(302);
    const workshop = await Workshop.findOne({ code: 'MAT-410' }).lean();
    expect(workshop).toMatchObject({ skills: ['horn-carving'], phone: '+254711222333', active: true });
    expect(created.headers.get('location')).toBe(`/workshops/${String(workshop?._id)}?saved=workshop`);

    const newArtisan = `/workshops/${String(workshop?._id)}/artisans/new`;
    const takenPhone = await request(newArtisan, planner, { ...artisanForm, phone: '+254700200200' });
    expect(takenPhone.status).toBe(400);
    expect(await takenPhone.text()).toContain('+254700200200 is already Mercy Wanjiru’s number (KAW-100)');
    const badHours = await request(newArtisan, planner, { ...artisanForm, weeklyHours: 'lots' });
    expect(badHours.status).toBe(400);
    expect(await badHours.text()).toContain('must be a number of hours');
    expect((await request(newArtisan, planner, artisanForm)).status).toBe(302);
    expect(await Artisan.findOne({ name: 'Otieno Juma' }).lean()).toMatchObject({
      phone: '+254799000111',
      weeklyHours: 30,
    });
  });

  it('answers 409 naming the open jobs when an artisan with work is paused, and declares and cancels days away', async () => {
    const artisanPage = `/workshops/${workshopId}/artisans/${artisanId}`;
    const artisan = await Artisan.findById(artisanId).lean();
    if (!artisan) throw new Error('the artisan is missing');
    await Job.create(makeJob({ workshop: artisan.workshop, artisan: artisan._id, status: 'in_progress' }));
    const paused = await request(artisanPage, planner, {
      ...artisanForm,
      name: 'Mercy Wanjiru',
      gender: 'female',
      phone: '0700 200 200',
      status: 'paused',
    });
    expect(paused.status).toBe(409);
    expect(await paused.text()).toContain('Mercy Wanjiru still has 1 open job (1 in progress)');

    const backwards = await request(artisanPage, planner, { intent: 'declare', from: '6 Mar 2099', to: '2 Mar 2099' });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain('must be on or after from');
    const declared = await request(artisanPage, planner, {
      intent: 'declare',
      from: '2 Mar 2099',
      to: '6/3/2099',
      reason: 'Family wedding',
    });
    expect(declared.status).toBe(200);
    const absence = await Absence.findOne({ artisan: artisan._id }).lean();
    expect(absence).toMatchObject({ from: '2099-03-02', to: '2099-03-06', reason: 'Family wedding' });
    const page = await (await request(artisanPage, planner)).text();
    expect(page).toContain('Family wedding');
    const cancelled = await request(artisanPage, planner, { intent: 'cancel', absenceId: String(absence?._id) });
    expect(cancelled.status).toBe(200);
    expect(await Absence.countDocuments({ artisan: artisan._id })).toBe(0);
    expect((await request(`/workshops/${workshopId}/artisans/${'0'.repeat(24)}`, planner)).status).toBe(404);
  });

  it('moves an artisan to another workshop from their page, offering only workshops doing their skills', async () => {
    const actor = makeActor('planner');
    const { artisanId: moverId } = await createArtisan({
      actor,
      now: new Date(),
      workshopId,
      name: 'Baraka Mwangi',
      gender: 'male',
      skills: ['horn-carving'],
      weeklyHours: 25,
      phone: '0700 300 300',
    });
    const { workshopId: target } = await createWorkshop({
      actor,
      now: new Date(),
      code: 'DAN-200',
      name: 'Dandora Horn Works',
      area: 'Dandora',
      skills: ['horn-carving', 'brass-casting'],
      phone: '0700 400 400',
    });
    const { workshopId: elsewhere } = await createWorkshop({
      actor,
      now: new Date(),
      code: 'DAN-201',
      name: 'Dandora Brass',
      area: 'Dandora',
      skills: ['brass-casting'],
      phone: '0700 500 500',
    });
    const page = `/workshops/${workshopId}/artisans/${moverId}`;
    const html = await (await request(page, planner)).text();
    expect(html).toContain(`<option value="${target}">DAN-200 · Dandora Horn Works</option>`);
    expect(html).not.toContain(`value="${elsewhere}"`);

    const unnamed = await request(page, planner, { intent: 'move' });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.text()).toContain('choose the workshop they move to');
    const wrong = await request(page, planner, { intent: 'move', workshopId: elsewhere });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Horn carving is not among DAN-201’s skills');
    expect((await request(page, others.manager, { intent: 'move', workshopId: target })).status).toBe(403);

    const moved = await request(page, planner, { intent: 'move', workshopId: target });
    expect(moved.status).toBe(302);
    const next = moved.headers.get('location') ?? '';
    expect(next).toBe(`/workshops/${target}/artisans/${moverId}?movedFrom=KAW-100`);
    expect(await (await request(next, planner)).text()).toContain('Moved here from KAW-100');
    expect((await request(page, planner)).status).toBe(404);
  });

  it('answers 403 to everyone but administrators, and links the page from the admin pages only', async () => {
    const userPage = `/admin/users/${adminSession.user.id}`;
    for (const [role, cookie] of Object.entries({ planner, manager: others.manager })) {
      const answers = [
        (await request('/admin/users', cookie)).status,
        (await request(userPage, cookie)).status,
        (await request('/admin/users', cookie, { name: 'X', email: 'x@test.kiwanda', role: 'admin' })).status,
        (await request(userPage, cookie, { intent: 'role', role: 'planner' })).status,
        (await request(userPage, cookie, { intent: 'reset' })).status,
        (await request(userPage, cookie, { intent: 'deactivate' })).status,
      ];
      expect({ role, answers }).toEqual({ role, answers: [403, 403, 403, 403, 403, 403] });
      expect(await (await request('/workshops', cookie)).text()).not.toContain('href="/admin"');
    }
    expect(await User.countDocuments({ email: 'x@test.kiwanda' })).toBe(0);
    expect(await User.findById(adminSession.user.id).lean()).toMatchObject({ role: 'admin', active: true });
    // The header's one Admin link leads to the page listing the accounts page among the others.
    expect(await (await request('/workshops', adminSession.cookie)).text()).toContain('href="/admin"');
    expect(await (await request('/admin', adminSession.cookie)).text()).toContain('href="/admin/users"');
  });

  it('refuses bad invitations by field, and the last administrator’s own demotion with a 409', async () => {
    const badEmail = await request('/admin/users', adminSession.cookie, {
      name: 'Y',
      email: 'not-an-address',
      role: 'planner',
    });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain('must be an e-mail address');
    const badRole = await request('/admin/users', adminSession.cookie, {
      name: 'Y',
      email: 'y@test.kiwanda',
      role: 'boss',
    });
    expect(badRole.status).toBe(400);
    expect(await badRole.text()).toContain('must be one of planner');

    const demote = await request(`/admin/users/${adminSession.user.id}`, adminSession.cookie, {
      intent: 'role',
      role: 'manager',
    });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('this is the last active administrator account');
    const ownReset = await request(`/admin/users/${adminSession.user.id}`, adminSession.cookie, { intent: 'reset' });
    expect(ownReset.status).toBe(400);
    expect((await request(`/admin/users/${'f'.repeat(24)}`, adminSession.cookie)).status).toBe(404);
  });

  it('deactivates from the account page: the cookie stops working and the open socket is dropped at once', async () => {
    const deactivated = await signIn({ baseUrl: server.url, role: 'planner' });
    const socket = await connectSignedIn({ url: server.url, cookie: deactivated.cookie, reconnection: false });
    sockets.push(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await request('/overview', deactivated.cookie)).status).toBe(200);

    const answer = await request(`/admin/users/${deactivated.user.id}`, adminSession.cookie, { intent: 'deactivate' });
    expect(answer.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect(await Session.countDocuments({ user: deactivated.user.id })).toBe(0);
    const next = await request('/overview', deactivated.cookie);
    expect(next.status).toBe(302);
    expect(next.headers.get('location')).toBe('/login?redirectTo=%2Foverview');
  });
});
