import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { Session, User } from '#server/models/index';

import { startTestServer } from '../../support/app-server';
import { clearDomainDatabase } from '../../support/domain-database';
import { signIn } from '../../support/sign-in';
import { connectSignedIn, type TestSocket } from '../dashboard/socket-client';

/** The accounts pages over HTTP: administrators only, and what their forms answer. */
describe('account routes over HTTP', () => {
  let server: RunningKiwanda;
  let admin: { cookie: string; user: { id: string } };
  const others: Record<string, string> = {};
  const sockets: TestSocket[] = [];

  const request = (path: string, cookie?: string, form?: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: cookie ? { Cookie: cookie } : {},
      body: form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    });

  beforeAll(async () => {
    server = await startTestServer();
    await clearDomainDatabase();
    admin = await signIn({ baseUrl: server.url, role: 'admin' });
    for (const role of ['planner', 'manager'] as const)
      others[role] = (await signIn({ baseUrl: server.url, role })).cookie;
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await server?.close();
  });

  it('answers 403 to everyone but administrators, and links the page from the admin header only', async () => {
    const userPage = `/admin/users/${admin.user.id}`;
    for (const [role, cookie] of Object.entries(others)) {
      const answers = [
        (await request('/admin/users', cookie)).status,
        (await request(userPage, cookie)).status,
        (await request('/admin/users', cookie, { name: 'X', email: 'x@test.kiwanda', role: 'admin' })).status,
        (await request(userPage, cookie, { intent: 'role', role: 'planner' })).status,
        (await request(userPage, cookie, { intent: 'reset' })).status,
        (await request(userPage, cookie, { intent: 'deactivate' })).status,
      ];
      expect({ role, answers }).toEqual({ role, answers: [403, 403, 403, 403, 403, 403] });
      expect(await (await request('/workshops', cookie)).text()).not.toContain('href="/admin/users"');
    }
    expect(await User.countDocuments({ email: 'x@test.kiwanda' })).toBe(0);
    expect(await User.findById(admin.user.id).lean()).toMatchObject({ role: 'admin', active: true });
    expect(await (await request('/workshops', admin.cookie)).text()).toContain('href="/admin/users"');
  });

  it('refuses bad invitations by field, and the last administrator’s own demotion with a 409', async () => {
    const badEmail = await request('/admin/users', admin.cookie, {
      name: 'Y',
      email: 'not-an-address',
      role: 'planner',
    });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain('must be an e-mail address');
    const badRole = await request('/admin/users', admin.cookie, { name: 'Y', email: 'y@test.kiwanda', role: 'boss' });
    expect(badRole.status).toBe(400);
    expect(await badRole.text()).toContain('must be one of planner');

    const demote = await request(`/admin/users/${admin.user.id}`, admin.cookie, { intent: 'role', role: 'manager' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('this is the last active administrator account');
    const ownReset = await request(`/admin/users/${admin.user.id}`, admin.cookie, { intent: 'reset' });
    expect(ownReset.status).toBe(400);
    expect((await request(`/admin/users/${'f'.repeat(24)}`, admin.cookie)).status).toBe(404);
  });

  it('deactivates from the account page: the cookie stops working and the open socket is dropped at once', async () => {
    const planner = await signIn({ baseUrl: server.url, role: 'planner' });
    const socket = await connectSignedIn({ url: server.url, cookie: planner.cookie, reconnection: false });
    sockets.push(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await request('/overview', planner.cookie)).status).toBe(200);

    const answer = await request(`/admin/users/${planner.user.id}`, admin.cookie, { intent: 'deactivate' });
    expect(answer.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect(await Session.countDocuments({ user: planner.user.id })).toBe(0);
    const next = await request('/overview', planner.cookie);
    expect(next.status).toBe(302);
    expect(next.headers.get('location')).toBe('/login?redirectTo=%2Foverview');
  });
});
