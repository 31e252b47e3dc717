import { createHash, randomBytes } from 'node:crypto';

import { Types } from 'mongoose';
import { z } from 'zod';

import { objectIdString } from '../../domain/input-schemas';
import { validateInput } from '../../domain/validate-input';
import { Session } from '../../models/session';
import { runInTransaction, type UnitOfWork } from '../run-in-transaction';

/** What a valid session cookie stands for. */
export interface SessionRecord {
  /** The record's id: safe to keep in memory and in rooms, useless as a cookie. */
  sessionId: string;
  userId: string;
  /** When it ends unless extended (wall-clock time). */
  expiresAt: Date;
}

// 256 random bits, base64url: the id a browser holds in its (signed) cookie.
const COOKIE_ID = /^[A-Za-z0-9_-]{43}$/;

/** Only a hash of the cookie's id is stored, so reading the database yields no live session. */
const recordIdOf = (cookieId: string) => createHash('sha256').update(cookieId).digest('hex');

const CreateSessionInput = z.object({ userId: objectIdString, expiresAt: z.date() });

/** Starts a session for a user; returns the id to put in the cookie. */
export async function createSessionRecord(input: z.input<typeof CreateSessionInput>): Promise<string> {
  const { userId, expiresAt } = validateInput(CreateSessionInput, input);
  const cookieId = randomBytes(32).toString('base64url');
  await Session.create({ _id: recordIdOf(cookieId), user: new Types.ObjectId(userId), expiresAt });
  return cookieId;
}

/**
 * The live session a cookie's id names, or null when it is unknown, ended or expired. Expiry is
 * wall-clock time (as the cookie's own), whatever clock the pages are shown at.
 */
export async function readSessionRecord({ cookieId }: { cookieId: string }): Promise<SessionRecord | null> {
  if (!COOKIE_ID.test(cookieId)) return null;
  const record = await Session.findById(recordIdOf(cookieId), { user: 1, expiresAt: 1 }).lean();
  if (!record || record.expiresAt.getTime() <= Date.now()) return null;
  return { sessionId: record._id, userId: String(record.user), expiresAt: record.expiresAt };
}

/** Moves a session's expiry (Remix calls this when a session is committed again). */
export async function extendSessionRecord({ cookieId, expiresAt }: { cookieId: string; expiresAt: Date }) {
  if (!COOKIE_ID.test(cookieId)) return;
  await Session.updateOne({ _id: recordIdOf(cookieId) }, { $set: { expiresAt } });
}

/** Ends one session (sign-out); its sockets are disconnected once the deletion is committed. */
export async function endSession({ cookieId }: { cookieId: string }): Promise<void> {
  if (!COOKIE_ID.test(cookieId)) return;
  await runInTransaction(async (unit) => {
    const record = await Session.findOneAndDelete({ _id: recordIdOf(cookieId) }, { session: unit.session }).lean();
    if (record) unit.publishAfterCommit('session:ended', { userId: String(record.user), sessionId: record._id });
  });
}

/**
 * Ends every session of a user inside the caller's transaction (deactivation, password change):
 * once it commits, every copy of their cookies is worthless and their sockets are disconnected.
 */
export async function endUserSessions({ unit, userId }: { unit: UnitOfWork; userId: string }): Promise<number> {
  const { deletedCount } = await Session.deleteMany({ user: new Types.ObjectId(userId) }, { session: unit.session });
  unit.publishAfterCommit('session:ended', { userId, sessionId: null });
  return deletedCount;
}
