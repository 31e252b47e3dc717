import { keepsReadState } from '../dashboard/read-model-cache';
import { domainEvents } from '../domain-events';
import { loadSessionUser, type SessionUser } from '../services/users/session-user';
import { type SessionCookies } from './session-storage';

/**
 * Who a session cookie stands for, kept a few seconds, so that a planner's pages and their
 * revalidations (a page a second under live updates) do not each read the session record and the
 * account again: two database round trips of every signed-in request.
 *
 * Revocation stays immediate. Sign-out, a password change, a role change and deactivation end
 * sessions and publish `session:ended` after their commit; a language change publishes
 * `account:changed`. Either drops every kept entry of that person, in every app process (the event
 * relay carries both with REDIS_URL). A read that was under way when such an event came is not
 * kept (the generation check), so it cannot bring back what the event dropped.
 *
 * Only staff accounts are kept: an artisan's account carries their workshop, which moving the
 * artisan changes without an event of its own, and phones ask for far fewer pages.
 *
 * NOTE: KEEP_MS is the backstop for a change no app process hears of (a database edited by hand,
 * an event lost while Redis restarts); the session's own expiry is never exceeded.
 */
const KEEP_MS = 5_000;
/** Only cookies that named a live session are kept; a plain safety cap, oldest first out. */
const MAX_KEPT = 2_000;

interface KeptUser {
  /** The session storage that read it: another server in the same process has its own secret. */
  sessions: SessionCookies;
  user: SessionUser;
  keptUntil: number;
}

const kept = new Map<string, KeptUser>();
let generation = 0;
let watching = false;

function forgetUser(userId: string): void {
  generation += 1;
  for (const [cookieHeader, entry] of kept) if (entry.user.id === userId) kept.delete(cookieHeader);
}

function forgetAll(): void {
  generation += 1;
  kept.clear();
}

function watchForChanges(): void {
  if (watching) return;
  watching = true;
  domainEvents.subscribe('session:ended', ({ userId }) => forgetUser(userId));
  domainEvents.subscribe('account:changed', ({ userId }) => forgetUser(userId));
  // Tests and seeds that write accounts without events drop every kept read result at once.
  keepsReadState(forgetAll);
}

/**
 * The signed-in user a Cookie header stands for, or null when it carries no live session or names
 * a deactivated account (never kept: the next request reads again).
 */
export async function readSignedInUser({
  sessions,
  cookieHeader,
}: {
  sessions: SessionCookies;
  cookieHeader: string | null;
}): Promise<SessionUser | null> {
  if (!cookieHeader) return null;
  watchForChanges();
  const now = Date.now();
  const entry = kept.get(cookieHeader);
  if (entry && entry.sessions === sessions && now < entry.keptUntil) return entry.user;
  if (entry) kept.delete(cookieHeader);

  const readAt = generation;
  const session = await sessions.readSession(cookieHeader);
  const user = session ? await loadSessionUser({ userId: session.userId }) : null;
  if (session && user && user.artisanId === null && readAt === generation) {
    kept.set(cookieHeader, {
      sessions,
      user,
      keptUntil: Math.min(now + KEEP_MS, session.expiresAt.getTime()),
    });
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return user;
}
