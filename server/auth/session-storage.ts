import { createCookieSessionStorage, type Session, type SessionStorage } from '@remix-run/node';

/**
 * The signed session cookie, shared by the Remix routes (through the load context) and the
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

export interface SessionCookies {
  storage: SessionStorage<SessionData, SessionFlash>;
  /** The signed-in user's id from a Cookie header, or null when absent, unsigned or tampered with. */
  readUserId(cookieHeader: string | null | undefined): Promise<string | null>;
}

/** Built once at boot with the resolved secret (server/session-secret.ts). */
export function createSessionCookies({ secret }: { secret: string }): SessionCookies {
  const storage = createCookieSessionStorage<SessionData, SessionFlash>({
    cookie: {
      name: SESSION_COOKIE_NAME,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
      secrets: [secret],
    },
  });
  return {
    storage,
    async readUserId(cookieHeader) {
      if (!cookieHeader) return null;
      const session = await storage.getSession(cookieHeader);
      const userId = session.get('userId');
      return typeof userId === 'string' && /^[0-9a-f]{24}$/i.test(userId) ? userId : null;
    },
  };
}
