import { createCookieSessionStorage, type Session, type SessionStorage } from '@remix-run/node';

/**
 * The signed session cookie, shared by the Remix routes (app/session.server.ts) and the
 * Socket.IO handshake, so both recognise the same signed-in user.
 */
export const SESSION_COOKIE_NAME = '__kiwanda_session';
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export interface SessionData {
  userId: string;
}

export interface SessionFlash {
  error: string;
}

export type KiwandaSession = Session<SessionData, SessionFlash>;

let storage: SessionStorage<SessionData, SessionFlash> | undefined;
let storageSecret: string | undefined;

/**
 * Created on first use: the secret is published in process.env at boot (server/session-secret.ts),
 * after this module may already have been loaded by the Remix bundle.
 */
export function sessionStorage(): SessionStorage<SessionData, SessionFlash> {
  const secret = process.env.SESSION_SECRET;
  if (!secret) throw new Error('SESSION_SECRET is not set: the server sets it at boot before serving requests');
  if (!storage || storageSecret !== secret) {
    storage = createCookieSessionStorage<SessionData, SessionFlash>({
      cookie: {
        name: SESSION_COOKIE_NAME,
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        maxAge: SESSION_MAX_AGE_SECONDS,
        secrets: [secret],
      },
    });
    storageSecret = secret;
  }
  return storage;
}

/** The signed-in user's id from a Cookie header, or null when absent, unsigned or tampered with. */
export async function readSessionUserId(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const session = await sessionStorage().getSession(cookieHeader);
  const userId = session.get('userId');
  return typeof userId === 'string' && /^[0-9a-f]{24}$/i.test(userId) ? userId : null;
}
