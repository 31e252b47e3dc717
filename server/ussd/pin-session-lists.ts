import { Types } from 'mongoose';

import { DomainError } from '../domain/errors';
import { UssdSession } from '../models/ussd-session';
import { isDuplicateKeyError } from '../services/duplicate-key';

export interface SessionLists {
  offers: string[];
  work: string[];
}

/**
 * The lists a USSD session shows, as they stood when it began: the first request of a session
 * stores them, every later one reads them back, so a number typed means the item that was on the
 * screen. Two first requests at once (a provider retry) store one; the other reads it.
 */
export async function pinSessionLists({
  sessionId,
  userId,
  current,
}: {
  sessionId: string;
  userId: string;
  current: SessionLists;
}): Promise<SessionLists> {
  const read = async () => {
    const stored = await UssdSession.findOne({ sessionId }, { user: 1, offers: 1, work: 1 }).lean();
    if (stored && String(stored.user) !== userId)
      throw new DomainError('this USSD session was started from another number');
    return stored ? { offers: stored.offers, work: stored.work } : null;
  };
  const stored = await read();
  if (stored) return stored;
  try {
    await UssdSession.create({ sessionId, user: new Types.ObjectId(userId), ...current });
    return current;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await read();
    if (!winner) throw error;
    return winner;
  }
}
