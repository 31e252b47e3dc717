import { redirect } from '@remix-run/node';

import { type Actor } from '../server/domain/actor';
import { AREA_ROLES, type Area, type Role } from '../server/domain/roles';
import { actorFromUser, loadSessionUser, type SessionUser } from '../server/services/users/session-user';
import { getSession } from './session.server';

export type { SessionUser };

/** The signed-in user, or null. A cookie naming a deleted or deactivated user counts as none. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get('userId');
  if (!userId) return null;
  return loadSessionUser({ userId });
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/login?${params.toString()}`);
}

/** For loaders and actions: the signed-in user, or a redirect to /login that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/**
 * The signed-in user if their role may enter; a visitor is sent to sign in, a signed-in user of
 * another role gets 403. Pass an area (from AREA_ROLES) or the roles themselves.
 */
export async function requireRole(request: Request, allowed: Area | readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  const roles = typeof allowed === 'string' ? AREA_ROLES[allowed] : allowed;
  if (!roles.includes(user.role)) {
    throw new Response(`Your account (${user.role.replace('_', ' ')}) cannot open this page.`, {
      status: 403,
      statusText: 'Forbidden',
    });
  }
  return user;
}

/** The actor services need, for the signed-in user of this request. */
export async function requireActor(request: Request, allowed?: Area | readonly Role[]): Promise<Actor> {
  const user = allowed ? await requireRole(request, allowed) : await requireUser(request);
  return actorFromUser(user);
}
