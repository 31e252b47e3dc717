import { redirect } from '@remix-run/node';

import { type Actor } from '#server/domain/actor';
import { AREA_ROLES, ROLE_LABELS, type Area, type Role } from '#server/domain/roles';
import { type SessionUser } from '#server/services/users/session-user';

import { type RequestArgs } from './load-context';

export type { SessionUser };

/**
 * Users already read for a request, by its load context and cookie. A page's loaders (root,
 * layout, route) run for one request with one load context, and each asks who is signed in: the
 * session and the account are read once for all of them, not once each.
 */
const usersOfRequest = new WeakMap<object, Map<string, Promise<SessionUser | null>>>();

function readOptionalUser(args: RequestArgs): Promise<SessionUser | null> {
  return args.context.accounts.readSignedInUser({ cookieHeader: args.request.headers.get('Cookie') });
}

/** The signed-in user, or null. A cookie naming a deleted or deactivated user counts as none. */
export function getOptionalUser(args: RequestArgs): Promise<SessionUser | null> {
  const cookie = args.request.headers.get('Cookie') ?? '';
  let users = usersOfRequest.get(args.context);
  if (!users) usersOfRequest.set(args.context, (users = new Map()));
  let user = users.get(cookie);
  if (!user) {
    user = readOptionalUser(args);
    users.set(cookie, user);
    // A failed read is not kept: another loader of the request tries again.
    user.catch(() => users.delete(cookie));
  }
  return user;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/login?${params.toString()}`);
}

/** Where someone signed in with an administrator's one-time password chooses their own. */
export const CHOOSE_PASSWORD_PATH = '/account/password';

function choosePasswordRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`${CHOOSE_PASSWORD_PATH}?${params.toString()}`);
}

/**
 * For loaders and actions: the signed-in user, or a redirect to /login that comes back here.
 * Someone still on a one-time password is sent to choose their own first, then comes back.
 */
export async function requireUser(args: RequestArgs): Promise<SessionUser> {
  const user = await getOptionalUser(args);
  if (!user) throw loginRedirect(args.request);
  if (user.mustChoosePassword && new URL(args.request.url).pathname !== CHOOSE_PASSWORD_PATH)
    throw choosePasswordRedirect(args.request);
  return user;
}

/**
 * The signed-in user if their role may enter; a visitor is sent to sign in, a signed-in user of
 * another role gets 403. Pass an area (from AREA_ROLES) or the roles themselves.
 */
export async function requireRole(args: RequestArgs, allowed: Area | readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(args);
  const roles = typeof allowed === 'string' ? AREA_ROLES[allowed] : allowed;
  if (!roles.includes(user.role)) {
    throw new Response(`Your account (${ROLE_LABELS[user.role].toLowerCase()}) cannot open this page.`, {
      status: 403,
      statusText: 'Forbidden',
    });
  }
  return user;
}

/** The actor services need, for the signed-in user of this request. */
export async function requireActor(args: RequestArgs, allowed?: Area | readonly Role[]): Promise<Actor> {
  const user = allowed ? await requireRole(args, allowed) : await requireUser(args);
  return args.context.accounts.actorFromUser(user);
}
