import { redirect } from '@remix-run/node';

import { type KiwandaSession } from '#server/auth/session-storage';

import { type RequestArgs } from './load-context';

/** The session of a request (empty when the visitor has not signed in or the session ended). */
export function getSession({ request, context }: RequestArgs): Promise<KiwandaSession> {
  return context.sessions.storage.getSession(request.headers.get('Cookie'));
}

/**
 * In production the cookie is always Secure (server/auth/session-storage.ts); where that is
 * turned off (development, a plain-HTTP lab), it is still Secure when the page came over HTTPS.
 */
function servedOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('X-Forwarded-Proto') === 'https';
}

/**
 * Signs the user in with a fresh session and sends them on to `redirectTo`. A session the
 * browser already held is ended rather than reused, so an id planted before sign-in is worthless.
 */
export async function createUserSession({
  userId,
  redirectTo,
  ...args
}: RequestArgs & { userId: string; redirectTo: string }): Promise<Response> {
  const { storage, secure } = args.context.sessions;
  const previous = await getSession(args);
  if (previous.id) await storage.destroySession(previous);
  const session = await storage.getSession();
  session.set('userId', userId);
  const cookie = await storage.commitSession(session, { secure: secure || servedOverHttps(args.request) });
  return redirect(redirectTo, { headers: { 'Set-Cookie': cookie } });
}

/** Signs out: the session record is deleted, so copies of the cookie stop working too. */
export async function destroyUserSession({ redirectTo = '/', ...args }: RequestArgs & { redirectTo?: string }) {
  const session = await getSession(args);
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await args.context.sessions.storage.destroySession(session) },
  });
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Only paths of this site: a crafted `redirectTo` must not send people elsewhere. The target is
 * resolved as a browser would resolve it against this site (which drops tabs and newlines and
 * reads `\` as `/`) and kept only if it stays on this origin; control characters, which would
 * also break the Location header, are refused outright.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || CONTROL_CHARACTERS.test(target)) return fallback;
  const base = 'http://kiwanda.invalid';
  let resolved: URL;
  try {
    resolved = new URL(target, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base) return fallback;
  // `//` or `/\` at the start would be read as another host by some clients even when URL does not.
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
}
