import { createCookie, createSessionStorage, type Session, type SessionStorage } from '@remix-run/node';

import {
  createSessionRecord,
  endSession,
  extendSessionRecord,
  readSessionRecord,
  type SessionRecord,
} from '../services/sessions/session-records';

/**
 * The session cookie, shared by the Remix routes (through the load context) and the Socket.IO
 * handshake. It carries a signed random id; the session itself is a server-side record
 * (server/models/session.ts), so sign-out, a password change or deactivation ends it for every
 * copy of the cookie.
 */
export const SESSION_COOKIE_NAME = '__kiwanda_session';
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export interface SessionData {
  userId: string;
}

export type KiwandaSession = Session<SessionData>;

export interface SessionCookies {
  storage: SessionStorage<SessionData>;
  /** Whether every session cookie is marked Secure (always in production unless turned off). */
  secure: boolean;
  /** The live session a Cookie header carries, or null when absent, tampered with, ended or expired. */
  readSession(cookieHeader: string | null | undefined): Promise<SessionRecord | null>;
}

/** Secure (HTTPS-only) cookies in production unless SESSION_COOKIE_SECURE=false says it is a plain-HTTP lab. */
export function sessionCookieSecure(config: { NODE_ENV: string; SESSION_COOKIE_SECURE?: boolean }): boolean {
  return config.SESSION_COOKIE_SECURE ?? config.NODE_ENV === 'production';
}

/** Built once at boot with the resolved secret (server/session-secret.ts). */
export function createSessionCookies({ secret, secure }: { secret: string; secure: boolean }): SessionCookies {
  const cookie = createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
    secure,
    secrets: [secret],
  });
  const storage = createSessionStorage<SessionData>({
    cookie,
    async createData(data, expires) {
      if (!data.userId) throw new Error('a session is only stored once someone has signed in');
      return createSessionRecord({ userId: data.userId, expiresAt: expires ?? defaultExpiry() });
    },
    async readData(cookieId) {
      const record = await readSessionRecord({ cookieId });
      return record ? { userId: record.userId } : null;
    },
    async updateData(cookieId, _data, expires) {
      await extendSessionRecord({ cookieId, expiresAt: expires ?? defaultExpiry() });
    },
    async deleteData(cookieId) {
      await endSession({ cookieId });
    },
  });
  return {
    storage,
    secure,
    async readSession(cookieHeader) {
      if (!cookieHeader) return null;
      // A missing, unsigned or tampered cookie parses to null.
      const cookieId: unknown = await cookie.parse(cookieHeader);
      return typeof cookieId === 'string' && cookieId !== '' ? readSessionRecord({ cookieId }) : null;
    },
  };
}

const defaultExpiry = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
