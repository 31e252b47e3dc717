import { closeSync, fdatasync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { type DeserializeOptions, type Document } from 'bson';

import { acquireDirectoryLock } from './directory-lock';
import { syncDirectory, syncDirectorySync, writeFullySync } from './durable-fs';
import { encodeHeader, fileName, listGenerations } from './file-layout';
import { GroupSync } from './group-sync';
import { lockDownDirectory, PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from './private-files';
import { encodeFrame } from './record-framing';
import { recoverJournalDirectory, type JournalLogger } from './recovery';
import { writeSnapshotFile } from './snapshot-file';

export type { JournalLogger };

export interface JournalOpenResult {
  snapshot: Document[] | null;
  records: Document[];
  droppedTailBytes: number;
}

/**
 * - `'never'` (default): each append is handed to the kernel with writeSync before `append`
 *   returns, so it survives the process being killed (kill -9, crash, OOM). An OS crash or power
 *   cut can still lose the last seconds of appends the kernel had not yet written back.
 * - `'always'`: each append is also fdatasync'ed, so it survives power loss, at the price of one
 *   device flush per append (roughly 0.1–10 ms depending on the disk), which caps write throughput.
 */
export type JournalSyncPolicy = 'always' | 'never';

export interface JournalOptions {
  dir: string;
  logger?: JournalLogger;
  sync?: JournalSyncPolicy;
  /** Pass the same options the caller uses elsewhere so replayed values have the same JS types. */
  deserializeOptions?: DeserializeOptions;
}

const SILENT_INFO_LOGGER: JournalLogger = { info: () => {}, warn: (...args) => console.warn(...args) };

/**
 * Append-only record log plus snapshots for the embedded server. It knows nothing of what records
 * mean: the owner replays `recovered.snapshot` then `recovered.records` to rebuild its state.
 */
export class Journal {
  private fd: number;
  private generation: number;
  private bytes: number;
  private count: number;
  private closed = false;
  private failure: Error | null = null;
  private pendingCompaction: Promise<void> = Promise.resolve();
  private readonly groupSync = new GroupSync(() => this.flushToDevice());

  private constructor(
    private readonly dir: string,
    private readonly sync: JournalSyncPolicy,
    private readonly lock: { release(): void },
    active: { fd: number; generation: number; bytes: number; count: number },
  ) {
    this.fd = active.fd;
    this.generation = active.generation;
    this.bytes = active.bytes;
    this.count = active.count;
  }

  static async open(options: JournalOptions): Promise<{ journal: Journal; recovered: JournalOpenResult }> {
    const { dir, sync = 'never', logger = SILENT_INFO_LOGGER, deserializeOptions } = options ?? {};
    if (typeof dir !== 'string' || dir.trim() === '') {
      throw new TypeError('Journal.open: `dir` must be a non-empty directory path');
    }
    if (sync !== 'always' && sync !== 'never') {
      throw new TypeError(`Journal.open: \`sync\` must be 'always' or 'never', got ${JSON.stringify(sync)}`);
    }
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    lockDownDirectory({ dir });
    const lock = acquireDirectoryLock({ dir });
    try {
      const startedAt = performance.now();
      const state = recoverJournalDirectory({ dir, logger, deserializeOptions });
      const active = state.activeJournalExists
        ? {
            fd: openSync(journalPath({ dir, generation: state.activeGeneration }), 'a', PRIVATE_FILE_MODE),
            bytes: state.activeJournalBytes,
          }
        : createJournalFile({ dir, generation: state.activeGeneration });
      logger.info(
        {
          dir,
          snapshotRecords: state.snapshot?.length ?? 0,
          journalRecords: state.records.length,
          droppedTailBytes: state.droppedTailBytes,
          ms: Math.round(performance.now() - startedAt),
        },
        'journal: recovered',
      );
      const journal = new Journal(dir, sync, lock, {
        fd: active.fd,
        generation: state.activeGeneration,
        bytes: active.bytes,
        count: state.activeRecordCount,
      });
      const { snapshot, records, droppedTailBytes } = state;
      return { journal, recovered: { snapshot, records, droppedTailBytes } };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Bytes of the journal file currently appended to (header included); a hint for when to compact. */
  get sizeBytes(): number {
    return this.bytes;
  }

  /** Records in the journal file currently appended to. */
  get recordCount(): number {
    return this.count;
  }

  /**
   * Writes one record before returning. Throws (and leaves the file as it was) for a record that
   * is not a BSON document, one that is too large, or a failed write; after a failure that could
   * not be undone every later append throws too, rather than write after a damaged record.
   */
  append(record: Document): void {
    this.assertWritable();
    const frame = encodeFrame({ record });
    try {
      writeFullySync({ fd: this.fd, buffer: frame });
      if (this.sync === 'always') fdatasyncSync(this.fd);
    } catch (error) {
      this.undoPartialAppend({ cause: error as Error });
      throw error;
    }
    this.bytes += frame.length;
    this.count += 1;
  }

  /**
   * Resolves once every record appended before this call is on the device (fdatasync), sharing each flush
   * with every other caller waiting at the time (group commit). Rejects if the flush failed; the journal
   * then refuses further appends, as after any failed write.
   */
  durable(): Promise<void> {
    if (this.sync === 'always') return Promise.resolve();
    try {
      this.assertWritable();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.groupSync.request();
  }

  /** One fdatasync of the active file, off the event loop (libuv's thread pool). */
  private flushToDevice(): Promise<void> {
    const generation = this.generation;
    const fd = this.fd;
    return new Promise<void>((resolve, reject) => {
      fdatasync(fd, (error) => {
        // NOTE: a compaction switched files meanwhile: it synced the old file before closing it, so the
        // records this flush was for are on disk whatever this call says about the closed descriptor.
        if (!error || this.generation !== generation || this.closed) resolve();
        else {
          this.failure ??= error;
          reject(error);
        }
      });
    });
  }

  /**
   * Replaces everything appended so far by `snapshot`, which must be the state that results from
   * the records appended up to this call. The iterable is read synchronously, and appends made
   * after this call go to a new journal generation at once, so callers may keep appending while
   * the snapshot is written. Whenever a crash happens, reopening yields either the old snapshot
   * plus all journals since it, or the new snapshot plus the new journal.
   */
  async compact(snapshot: Iterable<Document>): Promise<void> {
    this.assertWritable();
    const frames = Array.from(snapshot, (record) => encodeFrame({ record }));
    // NOTE: the old journal must be durable before a newer one exists, or a power cut could keep
    // the new journal and lose the end of the old one, leaving a gap nobody could detect.
    fdatasyncSync(this.fd);
    const generation = this.generation + 1;
    const next = createJournalFile({ dir: this.dir, generation });
    closeSync(this.fd);
    this.fd = next.fd;
    this.generation = generation;
    this.bytes = next.bytes;
    this.count = 0;

    const previous = this.pendingCompaction.catch(() => {});
    const compaction = previous.then(async () => {
      await writeSnapshotFile({ dir: this.dir, generation, frames });
      await this.removeGenerationsBefore({ generation });
    });
    this.pendingCompaction = compaction;
    await compaction;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pendingCompaction.catch(() => {});
    try {
      if (this.failure === null) fdatasyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      this.lock.release();
    }
  }

  private assertWritable(): void {
    if (this.closed) throw new Error('journal is closed');
    if (this.failure !== null) {
      throw new Error(`journal stopped accepting writes after a failed write: ${this.failure.message}`);
    }
  }

  private undoPartialAppend({ cause }: { cause: Error }): void {
    try {
      ftruncateSync(this.fd, this.bytes);
    } catch {
      this.failure = cause;
    }
    // A failed fdatasync means the kernel may have dropped dirty pages: nothing after it can be trusted.
    if ((cause as NodeJS.ErrnoException).syscall === 'fdatasync') this.failure = cause;
  }

  private async removeGenerationsBefore({ generation }: { generation: number }): Promise<void> {
    const listing = listGenerations({ dir: this.dir });
    const stale = [
      ...listing.journals.filter((g) => g < generation).map((g) => fileName({ kind: 'journal', generation: g })),
      ...listing.snapshots.filter((g) => g < generation).map((g) => fileName({ kind: 'snapshot', generation: g })),
    ];
    await Promise.all(stale.map((name) => rm(join(this.dir, name), { force: true })));
    await syncDirectory({ dir: this.dir });
  }
}

function journalPath({ dir, generation }: { dir: string; generation: number }): string {
  return join(dir, fileName({ kind: 'journal', generation }));
}

/** A new journal is complete (header synced, directory entry synced) before any record goes in. */
function createJournalFile({ dir, generation }: { dir: string; generation: number }): { fd: number; bytes: number } {
  const fd = openSync(journalPath({ dir, generation }), 'ax', PRIVATE_FILE_MODE);
  const header = encodeHeader({ kind: 'journal', generation });
  try {
    writeFullySync({ fd, buffer: header });
    fdatasyncSync(fd);
    syncDirectorySync({ dir });
  } catch (error) {
    closeSync(fd);
    rmSync(journalPath({ dir, generation }), { force: true });
    throw error;
  }
  return { fd, bytes: header.length };
}
