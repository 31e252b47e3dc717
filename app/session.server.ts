import { redirect } from '@remix-run/node';

import { type KiwandaSession } from '#server/auth/session-storage';

import { type RequestArgs } from './load-context';

/** The session of a request (empty when the visitor has not signed in). */
export function getSession({ request, context }: RequestArgs): Promise<KiwandaSession> {
  return context.sessions.storage.getSession(request.headers.get('Cookie'));
}

/**
 * Cookies are marked Secure when the page was served over HTTPS (directly or behind a proxy
 * that says so), so a plain-HTTP single-site install on a local network can still sign in.
 */
function servedOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('X-Forwarded-Proto') === 'https';
}

/** Signs the user in and sends them on to `redirectTo`. */
export async function createUserSession({
  userId,
  redirectTo,
  ...args
}: RequestArgs & { userId: string; redirectTo: string }): Promise<Response> {
  const session = await getSession(args);
  session.set('userId', userId);
  const cookie = await args.context.sessions.storage.commitSession(session, { secure: servedOverHttps(args.request) });
  return redirect(redirectTo, { headers: { 'Set-Cookie': cookie } });
}

export async function destroyUserSession({ redirectTo = '/', ...args }: RequestArgs & { redirectTo?: string }) {
  const session = await getSession(args);
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await args.context.sessions.storage.destroySession(session) },
  });
}

/** Only same-site paths: a crafted `redirectTo=https://elsewhere` must not bounce people away. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback;
  }
  return target;
}
