import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { AuditEvent, User } from '#server/models/index';
import { inviteUser } from '#server/services/users/invite-user';
import { resetUserPassword } from '#server/services/users/reset-user-password';
import { actorFromUser } from '#server/services/users/session-user';

import { startTestServer } from '../support/app-server';
import { signIn, TEST_PASSWORD } from '../support/sign-in';

/** Signs in through the real form; the session cookie, or null when refused. */
async function signInWith(baseUrl: string, email: string, password: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password, redirectTo: '/' }),
    redirect: 'manual',
  });
  const setCookie = response.headers.get('set-cookie');
  return response.status === 302 && setCookie ? setCookie.split(';')[0] : null;
}

describe('people choose and change their own password', () => {
  let server: RunningKiwanda;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, cookie: string) =>
    fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });

  it('sends someone on a one-time password to choose their own first, then back where they were going', async () => {
    const admin = await signIn({ baseUrl: server.url, role: 'admin' });
    const invited = await inviteUser({
      actor: actorFromUser(admin.user),
      email: 'neema@test.kiwanda',
      name: 'Neema Achieng',
      role: 'planner',
    });
    const cookie = await signInWith(server.url, 'neema@test.kiwanda', invited.temporaryPassword);
    if (!cookie) throw new Error('the one-time password did not sign in');

    const orders = await get('/orders?status=open', cookie);
    expect(orders.status).toBe(302);
    expect(orders.headers.get('location')).toBe('/account/password?redirectTo=%2Forders%3Fstatus%3Dopen');
    const page = await get('/account/password', cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Choose your own password');

    // Every bad field is named, and nothing changes.
    const mismatch = await post('/account/password', cookie, {
      currentPassword: invited.temporaryPassword,
      newPassword: 'mango trees in kibera',
      repeatPassword: 'mango trees in kibra',
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('is not the same as the new password');
    const wrong = await post('/account/password', cookie, {
      currentPassword: 'not the one-time password',
      newPassword: 'mango trees in kibera',
      repeatPassword: 'mango trees in kibera',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('is not your current password');
    const short = await post('/account/password', cookie, {
      currentPassword: invited.temporaryPassword,
      newPassword: 'short',
      repeatPassword: 'short',
    });
    expect(await short.text()).toContain('must be at least 10 characters');
    expect((await get('/orders', cookie)).status).toBe(302);

    const chosen = await post('/account/password', cookie, {
      currentPassword: invited.temporaryPassword,
      newPassword: 'mango trees in kibera',
      repeatPassword: 'mango trees in kibera',
      redirectTo: '/orders?status=open',
    });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get('location')).toBe('/orders?status=open');
    const fresh = chosen.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect((await get('/orders', fresh)).status).toBe(200);
    // The session that changed it ended with the old password; the one-time password is spent.
    expect((await get('/orders', cookie)).status).toBe(302);
    expect(await signInWith(server.url, 'neema@test.kiwanda', invited.temporaryPassword)).toBeNull();
    expect(await signInWith(server.url, 'neema@test.kiwanda', 'mango trees in kibera')).not.toBeNull();
    expect(await User.findById(invited.user.id).lean()).toMatchObject({ passwordIsTemporary: false });

    // An administrator's reset hands out another one-time password, to be replaced the same way.
    const reset = await resetUserPassword({ actor: actorFromUser(admin.user), userId: invited.user.id });
    const again = await signInWith(server.url, 'neema@test.kiwanda', reset.temporaryPassword);
    expect((await get('/overview', again ?? '')).headers.get('location')).toBe(
      '/account/password?redirectTo=%2Foverview',
    );
  });

  it('lets anyone change their password from their name in the header, signing out their other devices', async () => {
    const first = await signIn({ baseUrl: server.url, role: 'field_officer' });
    const second = await signInWith(server.url, first.user.email, TEST_PASSWORD);
    const home = await (await get('/inspections', first.cookie)).text();
    expect(home).toContain('href="/account/password"');
    const page = await (await get('/account/password', first.cookie)).text();
    expect(page).toContain('Change your password');

    const same = await post('/account/password', first.cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
      repeatPassword: TEST_PASSWORD,
    });
    expect(await same.text()).toContain('is the password you have now');

    const changed = await post('/account/password', first.cookie, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
      repeatPassword: 'a brand new passphrase',
      redirectTo: 'https://evil.example/',
    });
    expect(changed.status).toBe(302);
    expect(changed.headers.get('location')).toBe('/');
    const kept = changed.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect((await get('/inspections', kept)).status).toBe(200);
    expect((await get('/inspections', second ?? '')).status).toBe(302);
    const audit = await AuditEvent.findOne({ action: 'user.password_changed', 'entity.id': first.user.id }).lean();
    expect(audit).toMatchObject({ after: { endedSessions: 2, temporary: false } });
  });

  it('asks a visitor to sign in first', async () => {
    const response = await fetch(`${server.url}/account/password`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?redirectTo=%2Faccount%2Fpassword');
  });
});
