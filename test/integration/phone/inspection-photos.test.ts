import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Artisan, Inspection, Job, User, Workshop } from '#server/models/index';

import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';

/** A JPEG's first bytes, then filler: what the server checks and keeps, byte for byte. */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 7)]);

describe('inspection photos, served to the officers of the area and to HQ', { timeout: 60_000 }, () => {
  let server: RunningKiwanda;
  let jobId: string;
  let inspectionId: string;
  const cookies: Record<string, string> = {};

  const photoUrl = (job: string, inspection: string) => `${server.url}/inspections/${job}/photos/${inspection}`;
  const getAs = (who: string, url: string) => fetch(url, { headers: { cookie: cookies[who] }, redirect: 'manual' });

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    const workshop = await Workshop.create(makeWorkshop({ area: 'Kibera' }));
    const artisan = await Artisan.create(makeArtisan({ workshop: workshop._id }));
    const job = await Job.create(
      makeJob({ workshop: workshop._id, quantity: 2, status: 'ready_for_qc', artisan: artisan._id }),
    );
    jobId = String(job._id);
    for (const [who, role, areas] of [
      ['officer', 'field_officer', ['Kibera']],
      ['farOfficer', 'field_officer', ['Kasarani']],
      ['planner', 'planner', []],
    ] as const) {
      const session = await signIn({ baseUrl: server.url, role });
      if (role === 'field_officer') await User.updateOne({ _id: session.user.id }, { $set: { areas } });
      cookies[who] = session.cookie;
    }
    cookies.artisan = (await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(artisan._id) })).cookie;

    const form = new FormData();
    for (const [name, value] of Object.entries({
      kind: 'inspection',
      jobId,
      actionId: 'photo-inspection-000001',
      passedQuantity: '1',
      failedQuantity: '1',
      'defect-scratches': '1',
    }))
      form.append(name, value);
    form.append('photo', new Blob([PHOTO], { type: 'image/jpeg' }), 'inspection.jpg');
    const saved = await fetch(`${server.url}/phone-actions`, {
      method: 'POST',
      headers: { cookie: cookies.officer },
      body: form,
    });
    expect(saved.status).toBe(200);
    inspectionId = String((await Inspection.findOne({ job: job._id }).lean())?._id);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('serves the stored JPEG as it was kept to the officer of the area and to a planner', async () => {
    for (const who of ['officer', 'planner']) {
      const response = await getAs(who, photoUrl(jobId, inspectionId));
      expect(response.status, who).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('cache-control')).toContain('private');
      expect(Buffer.from(await response.arrayBuffer()).equals(PHOTO)).toBe(true);
    }
  });

  it('lists the photo on the job’s inspection page', async () => {
    const page = await getAs('officer', `${server.url}/inspections/${jobId}`);
    expect(await page.text()).toContain(`/inspections/${jobId}/photos/${inspectionId}`);
  });

  it('refuses the artisan and an officer of another area, and answers what does not exist', async () => {
    expect((await getAs('artisan', photoUrl(jobId, inspectionId))).status).toBe(403);
    expect((await getAs('farOfficer', photoUrl(jobId, inspectionId))).status).toBe(403);
    const otherJob = String((await Job.create(makeJob({ workshop: (await Workshop.findOne().lean())!._id })))._id);
    expect((await getAs('planner', photoUrl(otherJob, inspectionId))).status).toBe(404);
    const malformed = await getAs('planner', photoUrl(jobId, 'not-an-id'));
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('inspectionId');
  });
});
