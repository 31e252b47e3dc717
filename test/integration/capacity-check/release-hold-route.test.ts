import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { placeCapacityHold } from '#server/capacity-check/place-capacity-hold';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { CapacityHold } from '#server/models/index';
import { actorFromUser } from '#server/services/users/session-user';

import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { CHECK_NOW, seedCapacityCheckFixture } from './capacity-check-fixture';

/** Releasing holds over HTTP, as a browser without JavaScript does it from either holds panel. */
describe('the release route', () => {
  let server: RunningKiwanda;
  const cookies: Record<'designer' | 'otherDesigner' | 'planner' | 'manager', string> = {
    designer: '',
    otherDesigner: '',
    planner: '',
    manager: '',
  };
  const holdIds: string[] = [];

  const post = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { Cookie: cookie },
      body: new URLSearchParams(form),
      redirect: 'manual',
    });
  const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => CHECK_NOW } });
    await clearDomainDatabase();
    const fixture = await seedCapacityCheckFixture();
    const designer = await signIn({ baseUrl: server.url, role: 'designer' });
    cookies.designer = designer.cookie;
    for (const role of ['planner', 'manager'] as const)
      cookies[role] = (await signIn({ baseUrl: server.url, role })).cookie;
    cookies.otherDesigner = (await signIn({ baseUrl: server.url, role: 'designer' })).cookie;
    for (const quantity of [20, 10]) {
      const hold = await placeCapacityHold({
        actor: actorFromUser(designer.user),
        now: CHECK_NOW,
        holdHours: 72,
        lines: [{ productId: String(fixture.cuff), quantity }],
        by: '2026-03-22',
      });
      holdIds.push(String(hold._id));
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows release buttons to those who may release, and sends each back to their panel', async () => {
    const releaseButtons = async (path: string, cookie: string) =>
      ((await (await get(path, cookie)).text()).match(/action="\/design\/holds\/[0-9a-f]{24}\/release"/g) ?? []).length;
    expect(await releaseButtons('/design/check', cookies.designer)).toBe(2);
    expect(await releaseButtons('/design/check', cookies.otherDesigner)).toBe(0);
    expect(await releaseButtons('/planning', cookies.planner)).toBe(2);
    expect(await releaseButtons('/planning', cookies.manager)).toBe(0);

    const refused = await post(`/design/holds/${holdIds[0]}/release`, cookies.otherDesigner, {
      returnTo: '/design/check',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('only they, a planner or an admin may release it');
    expect((await post(`/design/holds/${holdIds[0]}/release`, cookies.manager, { returnTo: '/planning' })).status).toBe(
      403,
    );
    const badReturn = await post(`/design/holds/${holdIds[0]}/release`, cookies.planner, {
      returnTo: 'https://x.example',
    });
    expect(badReturn.status).toBe(400);
    expect(await badReturn.text()).toContain('returnTo');

    const fromPlanning = await post(`/design/holds/${holdIds[0]}/release`, cookies.planner, { returnTo: '/planning' });
    expect(fromPlanning.status).toBe(302);
    expect(fromPlanning.headers.get('location')).toMatch(/^\/planning\?released=HOLD-/);
    const fromDesign = await post(`/design/holds/${holdIds[1]}/release`, cookies.designer, {
      returnTo: '/design/check?by=2026-03-22&mode=keep-orders',
    });
    // Back to the designer's question, with the note of the release.
    const back = fromDesign.headers.get('location') ?? '';
    expect(back).toMatch(/^\/design\/check\?by=2026-03-22&mode=keep-orders&released=HOLD-/);
    expect(await (await get(back, cookies.designer)).text()).toContain(
      'released: its capacity is open to orders again',
    );
    expect(await CapacityHold.countDocuments({ status: 'released' })).toBe(2);

    const again = await post(`/design/holds/${holdIds[1]}/release`, cookies.designer, { returnTo: '/design/check' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('No hold to release');
  });
});
