import { type Document } from 'bson';

import { documentSize } from '../bson/document-size';

/** Journal records are packed up to about this size (the BSON encoder handles up to 17 MB at once). */
export const RECORD_TARGET_BYTES = 8 * 1024 * 1024;

interface Group {
  ops: Document[];
  bytes: number;
}

function estimateBytes(op: Document): number {
  return (op.doc && typeof op.doc === 'object' ? documentSize(op.doc as Document) : 0) + 128;
}

/**
 * Journal operations waiting for the next flush, in groups that must land in one record (the writes of one
 * commit). Independent groups are packed into records of bounded size, so a 48 MB insert batch becomes
 * several records while a transaction always stays one.
 */
export class PendingJournal {
  private groups: Group[] = [];
  private open: Group | undefined;

  beginGroup(): void {
    this.open = { ops: [], bytes: 0 };
  }

  endGroup(): void {
    if (this.open && this.open.ops.length > 0) this.groups.push(this.open);
    this.open = undefined;
  }

  add(op: Document): void {
    const bytes = estimateBytes(op);
    if (this.open) {
      this.open.ops.push(op);
      this.open.bytes += bytes;
    } else {
      this.groups.push({ ops: [op], bytes });
    }
  }

  get isEmpty(): boolean {
    return this.groups.length === 0;
  }

  /** Removes and returns everything queued, packed into records (each an array of operations). */
  takeRecords(): Document[][] {
    const records: Document[][] = [];
    let current: Group = { ops: [], bytes: 0 };
    for (const group of this.groups) {
      if (current.ops.length > 0 && current.bytes + group.bytes > RECORD_TARGET_BYTES) {
        records.push(current.ops);
        current = { ops: [], bytes: 0 };
      }
      current.ops.push(...group.ops);
      current.bytes += group.bytes;
    }
    if (current.ops.length > 0) records.push(current.ops);
    this.groups = [];
    return records;
  }
}
