import { EventEmitter } from 'node:events';

import { type Document, Timestamp } from 'bson';

/** One recorded change, in the shape needed to build any change stream's event for it. */
export interface ChangeRecord {
  seq: number;
  /** Epoch milliseconds of the commit; the cluster time is derived from it and seq when an event is built. */
  wallTimeMs: number;
  operationType:
    | 'insert'
    | 'update'
    | 'replace'
    | 'delete'
    | 'drop'
    | 'rename'
    | 'dropDatabase'
    | 'create'
    | 'createIndexes'
    | 'dropIndexes';
  db: string;
  coll?: string;
  documentKey?: Document;
  fullDocument?: Document;
  fullDocumentBeforeChange?: Document;
  updateDescription?: { updatedFields: Document; removedFields: string[]; truncatedArrays: Document[] };
  to?: { db: string; coll: string };
  lsid?: Document;
  txnNumber?: unknown;
}

export const DEFAULT_RETAINED_CHANGES = 10_000;

/**
 * The recent history of changes, for change streams to read from and resume within. Older entries are
 * forgotten; a stream that needs them gets ChangeStreamHistoryLost.
 */
export class ChangeEventLog {
  private records: ChangeRecord[] = [];
  /** Highest sequence number this log cannot replay (the start of this process, or the last forgotten change). */
  private forgottenThrough: number;
  private readonly startSeq: number;
  private readonly capacity: number;
  private readonly emitter = new EventEmitter();

  constructor({ capacity = DEFAULT_RETAINED_CHANGES, startSeq = 0 }: { capacity?: number; startSeq?: number } = {}) {
    this.capacity = capacity;
    this.forgottenThrough = startSeq;
    this.startSeq = startSeq;
    this.emitter.setMaxListeners(0);
  }

  append(record: ChangeRecord): void {
    this.records.push(record);
    if (this.records.length > this.capacity * 1.5) {
      const drop = this.records.length - this.capacity;
      this.forgottenThrough = this.records[drop - 1].seq;
      this.records = this.records.slice(drop);
    }
    if (this.emitter.listenerCount('change') > 0) this.emitter.emit('change');
  }

  /** Whether a stream positioned after `seq` can still see every later change. */
  covers(seq: number): boolean {
    return seq >= this.forgottenThrough;
  }

  /** Records with a sequence number above `seq`, oldest first. */
  after(seq: number): ChangeRecord[] {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records[mid].seq <= seq) low = mid + 1;
      else high = mid;
    }
    return this.records.slice(low);
  }

  /** Cluster times are (commit second, position in this process's history): increasing with seq. */
  clusterTimeAt(seq: number, wallTimeMs: number): Timestamp {
    return new Timestamp({ t: Math.floor(wallTimeMs / 1000), i: (seq - this.startSeq) >>> 0 });
  }

  /** First retained record at or after a cluster time, for startAtOperationTime. */
  firstSeqAtOrAfter(time: Timestamp): number | undefined {
    return this.records.find((record) => {
      const t = Math.floor(record.wallTimeMs / 1000);
      return t > time.t || (t === time.t && record.seq - this.startSeq >= time.i);
    })?.seq;
  }

  /** Resolves when a change is appended or the timeout passes, whichever comes first. */
  waitForChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.emitter.off('change', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.emitter.on('change', done);
    });
  }

  /** Wakes every waiting stream (used at shutdown). */
  wakeAll(): void {
    this.emitter.emit('change');
  }
}
