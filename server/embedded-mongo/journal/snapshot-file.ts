import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { type DeserializeOptions, type Document } from 'bson';

import { syncDirectory } from './durable-fs';
import { encodeHeader, fileName, HEADER_BYTES, parseHeader } from './file-layout';
import { PRIVATE_FILE_MODE } from './private-files';
import { decodeFrames } from './record-framing';

/** Keeps each writev well under the kernel's IOV_MAX (1024 on Linux). */
const BUFFERS_PER_WRITE = 512;

/**
 * Writes `frames` as the snapshot of `generation` so that the file under its final name is either
 * absent or complete: tmp file → fsync → rename → fsync of the directory.
 */
export async function writeSnapshotFile({
  dir,
  generation,
  frames,
}: {
  dir: string;
  generation: number;
  frames: Buffer[];
}): Promise<void> {
  const finalPath = join(dir, fileName({ kind: 'snapshot', generation }));
  const temporaryPath = `${finalPath}.tmp`;
  const handle = await open(temporaryPath, 'w', PRIVATE_FILE_MODE);
  try {
    const buffers = [encodeHeader({ kind: 'snapshot', generation, recordCount: frames.length }), ...frames];
    for (let index = 0; index < buffers.length; index += BUFFERS_PER_WRITE) {
      const batch = buffers.slice(index, index + BUFFERS_PER_WRITE);
      const expected = batch.reduce((sum, buffer) => sum + buffer.length, 0);
      const { bytesWritten } = await handle.writev(batch);
      if (bytesWritten !== expected) {
        throw new Error(`short write to ${temporaryPath}: ${bytesWritten} of ${expected} bytes`);
      }
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporaryPath, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporaryPath, finalPath);
  await syncDirectory({ dir });
}

/**
 * Snapshots are written whole and renamed into place, so any damage is not a torn write but lost
 * or corrupted storage. Unlike a journal tail it cannot be cut away without losing committed
 * data, so reading refuses and names the file rather than starting from a partial state.
 */
export function readSnapshotFile({
  path,
  generation,
  deserializeOptions,
}: {
  path: string;
  generation: number;
  deserializeOptions?: DeserializeOptions;
}): Document[] {
  const buffer = readFileSync(path);
  const header = parseHeader({ kind: 'snapshot', buffer, path });
  if (header.generation !== generation) {
    throw new Error(`${path}: header says generation ${header.generation}, file name says ${generation}`);
  }
  const decoded = decodeFrames({
    buffer,
    start: HEADER_BYTES.snapshot,
    maxRecords: header.recordCount,
    deserializeOptions,
  });
  if (decoded.damage !== null) {
    throw new Error(`${path}: snapshot is damaged (${decoded.damage}); refusing to start from a partial state`);
  }
  if (decoded.records.length !== header.recordCount || decoded.validEnd !== buffer.length) {
    throw new Error(
      `${path}: snapshot holds ${decoded.records.length} of ${header.recordCount} records ` +
        `and ${buffer.length - decoded.validEnd} unexpected trailing bytes`,
    );
  }
  return decoded.records;
}
