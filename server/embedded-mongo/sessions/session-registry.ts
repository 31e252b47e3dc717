import { type Binary, type Document } from 'bson';

import { isPlainObject } from '../bson/values';
import { badValue } from '../errors';
import { type Transaction } from './transaction';

export const SESSION_TIMEOUT_MINUTES = 30;
/** MongoDB's transactionLifetimeLimitSeconds: older open transactions are aborted (they hold locks and history). */
export const TRANSACTION_LIFETIME_MS = 60_000;

/** Server-side state of one logical session (the driver's ClientSession). */
export interface Session {
  readonly key: string;
  readonly lsid: Document;
  lastUse: number;
  /** Highest txnNumber seen, for transactions and retryable writes alike. */
  txnNumber: bigint;
  transaction?: Transaction;
  /** Replies of retryable writes by txnNumber, so a retry is answered without writing twice. */
  readonly retryReplies: Map<bigint, Document>;
}

/** How many retryable-write replies a session remembers (a retry always reuses the latest txnNumber). */
const REMEMBERED_REPLIES = 8;

export function sessionKeyOf(lsid: unknown): string {
  if (!isPlainObject(lsid) || !lsid.id || typeof lsid.id !== 'object')
    throw badValue('lsid must be an object with an id');
  const id = lsid.id as Binary;
  const bytes = id.buffer instanceof Uint8Array ? id.buffer : new Uint8Array();
  // A view over the same bytes: this runs for every command of a session, so no copy is made. The key never leaves
  // the server, so latin1 (one character per byte, a one-byte string) serves as well as hex at half the work.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  get(lsid: Document): Session {
    const key = sessionKeyOf(lsid);
    let session = this.sessions.get(key);
    if (!session) {
      session = { key, lsid, lastUse: Date.now(), txnNumber: -1n, retryReplies: new Map() };
      this.sessions.set(key, session);
    }
    session.lastUse = Date.now();
    return session;
  }

  rememberReply(session: Session, txnNumber: bigint, reply: Document): void {
    session.retryReplies.set(txnNumber, reply);
    if (session.retryReplies.size > REMEMBERED_REPLIES) {
      const oldest = session.retryReplies.keys().next().value;
      if (oldest !== undefined) session.retryReplies.delete(oldest);
    }
  }

  /** Ends sessions: open transactions abort. Returns the keys of the sessions ended. */
  end(lsids: Document[]): string[] {
    const ended: string[] = [];
    for (const lsid of lsids) {
      const key = sessionKeyOf(lsid);
      const session = this.sessions.get(key);
      if (!session) continue;
      session.transaction?.abort();
      this.sessions.delete(key);
      ended.push(key);
    }
    return ended;
  }

  /** Expires sessions idle for longer than the logical session timeout. */
  sweep(now = Date.now()): string[] {
    const expired: string[] = [];
    for (const [key, session] of this.sessions) {
      const transaction = session.transaction;
      if (transaction?.state === 'open' && now - transaction.startedAt > TRANSACTION_LIFETIME_MS) transaction.abort();
      if (now - session.lastUse > SESSION_TIMEOUT_MINUTES * 60_000) {
        session.transaction?.abort();
        this.sessions.delete(key);
        expired.push(key);
      }
    }
    return expired;
  }

  /** Ends every session (killAllSessions): open transactions abort. Returns the keys of the sessions ended. */
  endAll(): string[] {
    const ended = [...this.sessions.keys()];
    for (const session of this.sessions.values()) session.transaction?.abort();
    this.sessions.clear();
    return ended;
  }

  abortAll(): void {
    for (const session of this.sessions.values()) session.transaction?.abort();
  }
}
