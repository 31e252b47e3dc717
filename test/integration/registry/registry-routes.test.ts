import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Absence, Artisan, Job, Workshop } from '#server/models/index';
import { createArtisan } from '#server/services/registry/save-artisan';
import { createWorkshop } from '#server/services/registry/save-workshop';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';

/** The registry's pages as a browser without JavaScript gets them: who may open them, and their answers. */
describe('registry routes over HTTP', () => {
  let server: RunningKiwanda;
  let planner: string;
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
  });
  afterAll(async () => {
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
});
