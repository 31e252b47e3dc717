import { redirect } from '@remix-run/node';

import { sessionStorage, type KiwandaSession } from '../server/auth/session-storage';

/** The session of a request (empty when the visitor has not signed in). */
export function getSession(request: Request): Promise<KiwandaSession> {
  return sessionStorage().getSession(request.headers.get('Cookie'));
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
  request,
  userId,
  redirectTo,
}: {
  request: Request;
  userId: string;
  redirectTo: string;
}): Promise<Response> {
  const session = await getSession(request);
  session.set('userId', userId);
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await sessionStorage().commitSession(session, { secure: servedOverHttps(request) }) },
  });
}

export async function destroyUserSession({ request, redirectTo = '/' }: { request: Request; redirectTo?: string }) {
  const session = await getSession(request);
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage().destroySession(session) } });
}

/** Only same-site paths: a crafted `redirectTo=https://elsewhere` must not bounce people away. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback;
  }
  return target;
}
