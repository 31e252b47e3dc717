import { Types } from 'mongoose';

import { SYSTEM_ACTOR } from '#server/domain/actor';
import { type Role } from '#server/domain/roles';
import { createUser } from '#server/services/users/create-user';
import { type SessionUser } from '#server/services/users/session-user';

export const TEST_PASSWORD = 'kiwanda-test-password';

/**
 * Creates an account of `role` in the test server's database and signs in through the real
 * /login form. Returns the `name=value` session cookie, ready for a Cookie header or a browser.
 */
export async function signIn({
  baseUrl,
  role,
  artisanId,
}: {
  baseUrl: string;
  role: Role;
  artisanId?: string;
}): Promise<{ cookie: string; name: string; value: string; user: SessionUser }> {
  const email = `${role}-${new Types.ObjectId().toHexString()}@test.kiwanda`;
  const user = await createUser({
    email,
    name: `Test ${role}`,
    role,
    password: TEST_PASSWORD,
    artisanId,
    actor: SYSTEM_ACTOR,
  });
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: TEST_PASSWORD, redirectTo: '/' }),
    redirect: 'manual',
  });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 302 || !setCookie) {
    throw new Error(`signing in as ${role} failed: ${response.status} ${await response.text()}`);
  }
  const cookie = setCookie.split(';')[0];
  const [name, ...rest] = cookie.split('=');
  return { cookie, name, value: rest.join('='), user };
}
