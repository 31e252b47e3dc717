import { type Document } from 'bson';

import { Journal } from '../journal/index';
import { type EmbeddedLogger } from '../server-context';
import { type CommitSink, type Engine } from '../storage/engine';
import { TYPE_PRESERVING } from '../wire/read-bson';
import { Replayer } from './replay';
import { snapshotRecords } from './snapshot-format';

export const DEFAULT_COMPACT_AT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_COMPACT_AT_RECORDS = 200_000;

/**
 * Connects the engine to the on-disk journal: replays it at start, writes one record per commit, and
 * compacts into a snapshot when the journal grows past its thresholds.
 */
export class Persistence implements CommitSink {
  private compaction: Promise<void> | undefined;

  private constructor(
    private readonly journal: Journal,
    private readonly engine: Engine,
    private readonly logger: EmbeddedLogger,
    private readonly compactAtBytes: number,
    private readonly compactAtRecords: number,
  ) {}

  static async open({
    dir,
    engine,
    logger,
    compactAtBytes = DEFAULT_COMPACT_AT_BYTES,
    compactAtRecords = DEFAULT_COMPACT_AT_RECORDS,
  }: {
    dir: string;
    engine: Engine;
    logger: EmbeddedLogger;
    compactAtBytes?: number;
    compactAtRecords?: number;
  }): Promise<Persistence> {
    const { journal, recovered } = await Journal.open({ dir, logger, deserializeOptions: TYPE_PRESERVING });
    try {
      const replayer = new Replayer(engine);
      for (const record of recovered.snapshot ?? []) replayer.applySnapshotRecord(record);
      for (const record of recovered.records) replayer.applyJournalRecord(record);
      replayer.finish();
    } catch (error) {
      await journal.close();
      throw error;
    }
    if (recovered.droppedTailBytes > 0) {
      logger.warn(
        { dir, droppedTailBytes: recovered.droppedTailBytes },
        'embedded mongo: dropped a damaged journal tail',
      );
    }
    const persistence = new Persistence(journal, engine, logger, compactAtBytes, compactAtRecords);
    engine.sink = persistence;
    return persistence;
  }

  append(ops: Document[]): void {
    this.journal.append({ ops });
    if (
      !this.compaction &&
      (this.journal.sizeBytes > this.compactAtBytes || this.journal.recordCount > this.compactAtRecords)
    ) {
      this.compactNow();
    }
  }

  durable(): Promise<void> {
    return this.journal.durable();
  }

  /** Starts a compaction; the snapshot is taken synchronously, so it matches everything appended so far. */
  compactNow(): Promise<void> {
    const started = Date.now();
    const compaction = this.journal
      .compact(snapshotRecords(this.engine))
      .then(() => this.logger.info({ ms: Date.now() - started }, 'embedded mongo: journal compacted'))
      .catch((error: unknown) => this.logger.error({ err: error }, 'embedded mongo: journal compaction failed'))
      .finally(() => {
        this.compaction = undefined;
      });
    this.compaction = compaction;
    return compaction;
  }

  async close(): Promise<void> {
    this.engine.flush();
    this.engine.sink = undefined;
    await this.compaction;
    await this.journal.close();
  }
}
