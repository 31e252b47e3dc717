import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '#server/domain/actor';
import { type RunningKiwanda } from '#server/kiwanda-server';
import { User } from '#server/models/user';
import { createUser } from '#server/services/users/create-user';

import { startTestServer } from '../support/app-server';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  redirect: 'manual' as const,
});

describe('sign-in and sign-out pages', () => {
  let server: RunningKiwanda;

  beforeAll(async () => {
    server = await startTestServer();
    await User.deleteMany({});
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the demo accounts only when the demo network is loaded', async () => {
    expect(await (await fetch(`${server.url}/login`)).text()).not.toContain('data-testid="demo-accounts"');
    await createUser({
      email: 'planner@demo.kiwanda',
      name: 'Njeri Wambui',
      role: 'planner',
      password: 'kiwanda-demo',
      actor: SYSTEM_ACTOR,
    });
    const html = await (await fetch(`${server.url}/login`)).text();
    expect(html).toContain('data-testid="demo-accounts"');
    expect(html).toContain('planner@demo.kiwanda');
    expect(html).toContain('kiwanda-demo');
  });

  it('refuses a wrong password and names a missing field', async () => {
    const wrong = await fetch(`${server.url}/login`, form({ email: 'planner@demo.kiwanda', password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('do not match an account');
    const missing = await fetch(`${server.url}/login`, form({ email: 'planner@demo.kiwanda', password: '' }));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('enter your password');
  });

  it('signs in, goes back where it was sent from (never off-site), shows the user, and signs out', async () => {
    const signedIn = await fetch(
      `${server.url}/login`,
      form({ email: 'planner@demo.kiwanda', password: 'kiwanda-demo', redirectTo: '/impact?year=2026' }),
    );
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('location')).toBe('/impact?year=2026');
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^__kiwanda_session=/);
    expect(signedIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    const offSite = await fetch(
      `${server.url}/login`,
      form({ email: 'planner@demo.kiwanda', password: 'kiwanda-demo', redirectTo: '//evil.example' }),
    );
    expect(offSite.headers.get('location')).toBe('/');

    const home = await (await fetch(`${server.url}/`, { headers: { cookie } })).text();
    expect(home).toContain('data-testid="signed-in-user"');
    expect(home).toContain('Njeri Wambui');
    expect(home).toContain('href="/planning"');
    expect(home).not.toContain('href="/admin"');

    const signedOut = await fetch(`${server.url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/login');
    expect(signedOut.headers.get('set-cookie')).toMatch(/__kiwanda_session=;.*Expires=Thu, 01 Jan 1970/i);
  });
});
