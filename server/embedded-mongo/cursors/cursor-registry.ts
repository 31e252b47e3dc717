import { type Document, Long } from 'bson';

/** What a getMore returns. */
export interface CursorBatch {
  docs: Document[];
  exhausted: boolean;
  postBatchResumeToken?: Document;
}

export interface ServerCursor {
  readonly ns: string;
  /** Session that opened the cursor, if any: killing the session kills its cursors. */
  readonly sessionKey?: string;
  nextBatch(request: { batchSize?: number; maxTimeMS?: number }): Promise<CursorBatch> | CursorBatch;
  close(): void;
}

export const CURSOR_IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface Entry {
  cursor: ServerCursor;
  lastUsed: number;
  busy: boolean;
}

/** Open cursors by id. Ids are random positive int64s, so a stale id from another run is never reused. */
export class CursorRegistry {
  private readonly entries = new Map<string, Entry>();

  register(cursor: ServerCursor): Long {
    let id: Long;
    do {
      id = Long.fromBits((Math.random() * 0x100000000) >>> 0, (Math.random() * 0x7fffffff) >>> 0 || 1);
    } while (this.entries.has(id.toString()));
    this.entries.set(id.toString(), { cursor, lastUsed: Date.now(), busy: false });
    return id;
  }

  /** Runs `use` with the cursor marked busy so the idle sweep leaves it alone. */
  async use<T>(id: Long, use: (cursor: ServerCursor) => Promise<T> | T): Promise<T | undefined> {
    const entry = this.entries.get(id.toString());
    if (!entry) return undefined;
    entry.busy = true;
    try {
      return await use(entry.cursor);
    } finally {
      entry.busy = false;
      entry.lastUsed = Date.now();
    }
  }

  has(id: Long): boolean {
    return this.entries.has(id.toString());
  }

  kill(id: Long): boolean {
    const entry = this.entries.get(id.toString());
    if (!entry) return false;
    this.entries.delete(id.toString());
    entry.cursor.close();
    return true;
  }

  killForSession(sessionKey: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.cursor.sessionKey === sessionKey) {
        this.entries.delete(id);
        entry.cursor.close();
      }
    }
  }

  /** Closes cursors unused for longer than the idle timeout. */
  sweep(now = Date.now(), idleMs = CURSOR_IDLE_TIMEOUT_MS): number {
    let closed = 0;
    for (const [id, entry] of this.entries) {
      if (!entry.busy && now - entry.lastUsed > idleMs) {
        this.entries.delete(id);
        entry.cursor.close();
        closed += 1;
      }
    }
    return closed;
  }

  closeAll(): void {
    for (const entry of this.entries.values()) entry.cursor.close();
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
