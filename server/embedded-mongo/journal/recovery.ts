import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  ftruncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { type DeserializeOptions, type Document } from 'bson';

import { syncDirectorySync } from './durable-fs';
import { fileName, HEADER_BYTES, listGenerations, parseHeader } from './file-layout';
import { PRIVATE_FILE_MODE } from './private-files';
import { decodeFrames } from './record-framing';
import { readSnapshotFile } from './snapshot-file';

export interface JournalLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
}

export interface RecoveredState {
  snapshot: Document[] | null;
  records: Document[];
  droppedTailBytes: number;
  /** Generation whose journal receives new appends. */
  activeGeneration: number;
  /** False when that journal file must be (re)created with a fresh header. */
  activeJournalExists: boolean;
  activeJournalBytes: number;
  activeRecordCount: number;
}

/**
 * Rebuilds the state of a journal directory: the newest snapshot, then every journal from that
 * generation on, in order. The first damaged byte in any journal marks the start of the tail:
 * that journal is cut there and later journals are set aside, because a record can depend on
 * every record before it and replaying past a gap would produce a state that never existed.
 * Dropped bytes are kept beside the journal (`*.dropped-<offset>`) for inspection, never replayed.
 */
export function recoverJournalDirectory({
  dir,
  logger,
  deserializeOptions,
}: {
  dir: string;
  logger: JournalLogger;
  deserializeOptions?: DeserializeOptions;
}): RecoveredState {
  const listing = listGenerations({ dir });
  for (const path of listing.temporaryFiles) {
    logger.info({ path }, 'journal: removing leftover of an interrupted snapshot write');
    rmSync(path, { force: true });
  }

  const baseGeneration = listing.snapshots.at(-1) ?? 0;
  const hasSnapshot = listing.snapshots.length > 0;
  const liveJournals = listing.journals.filter((generation) => generation >= baseGeneration);
  assertNoMissingGenerations({ dir, baseGeneration, liveJournals, hasSnapshot });

  const snapshot = hasSnapshot
    ? readSnapshotFile({
        path: join(dir, fileName({ kind: 'snapshot', generation: baseGeneration })),
        generation: baseGeneration,
        deserializeOptions,
      })
    : null;

  const state: RecoveredState = {
    snapshot,
    records: [],
    droppedTailBytes: 0,
    activeGeneration: baseGeneration,
    activeJournalExists: false,
    activeJournalBytes: 0,
    activeRecordCount: 0,
  };

  let tailReached = false;
  for (const generation of liveJournals) {
    const path = join(dir, fileName({ kind: 'journal', generation }));
    const buffer = readFileSync(path);
    if (tailReached) {
      state.droppedTailBytes += buffer.length;
      setAside({ path, logger, reason: 'follows a damaged record' });
      continue;
    }
    if (buffer.length < HEADER_BYTES.journal) {
      // Only a crash while the file was being created leaves a short header: it holds no records.
      state.droppedTailBytes += buffer.length;
      setAside({ path, logger, reason: 'torn file header' });
      state.activeGeneration = generation;
      state.activeJournalExists = false;
      tailReached = true;
      continue;
    }
    const header = parseHeader({ kind: 'journal', buffer, path });
    if (header.generation !== generation) {
      throw new Error(`${path}: header says generation ${header.generation}, file name says ${generation}`);
    }
    const decoded = decodeFrames({ buffer, start: HEADER_BYTES.journal, deserializeOptions });
    for (const record of decoded.records) state.records.push(record);
    state.activeGeneration = generation;
    state.activeJournalExists = true;
    state.activeJournalBytes = decoded.validEnd;
    state.activeRecordCount = decoded.records.length;
    if (decoded.damage !== null) {
      const dropped = buffer.length - decoded.validEnd;
      logger.warn({ path, damage: decoded.damage, droppedBytes: dropped }, 'journal: cutting damaged tail');
      writeFileSync(droppedCopyPath({ path, offset: decoded.validEnd }), buffer.subarray(decoded.validEnd), {
        mode: PRIVATE_FILE_MODE,
      });
      truncateDurably({ path, length: decoded.validEnd });
      state.droppedTailBytes += dropped;
      tailReached = true;
    }
  }

  for (const generation of listing.journals.filter((g) => g < baseGeneration)) {
    rmSync(join(dir, fileName({ kind: 'journal', generation })), { force: true });
  }
  for (const generation of listing.snapshots.filter((g) => g < baseGeneration)) {
    rmSync(join(dir, fileName({ kind: 'snapshot', generation })), { force: true });
  }
  syncDirectorySync({ dir });
  return state;
}

function assertNoMissingGenerations({
  dir,
  baseGeneration,
  liveJournals,
  hasSnapshot,
}: {
  dir: string;
  baseGeneration: number;
  liveJournals: number[];
  hasSnapshot: boolean;
}): void {
  if (liveJournals.length === 0) return;
  // The base journal may be missing only when nothing newer exists; anything else means files were lost.
  const expectedFirst = baseGeneration;
  liveJournals.forEach((generation, index) => {
    if (generation !== expectedFirst + index) {
      const missing = expectedFirst + index;
      const what = !hasSnapshot && missing === 0 ? 'the first journal' : `journal generation ${missing}`;
      throw new Error(`journal directory ${dir} is missing ${what}; refusing to replay across the gap`);
    }
  });
}

/** Time-stamped so that a second recovery never overwrites what an earlier one kept. */
function droppedCopyPath({ path, offset }: { path: string; offset: number }): string {
  return `${path}.dropped-at-${offset}-${Date.now()}`;
}

function setAside({ path, logger, reason }: { path: string; logger: JournalLogger; reason: string }): void {
  logger.warn({ path, reason }, 'journal: setting file aside, its records are not replayed');
  renameSync(path, droppedCopyPath({ path, offset: 0 }));
}

function truncateDurably({ path, length }: { path: string; length: number }): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
