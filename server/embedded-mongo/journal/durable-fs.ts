import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** writeSync may write less than asked (signals, pipes, full disks); loop until all of it is down. */
export function writeFullySync({ fd, buffer }: { fd: number; buffer: Buffer }): void {
  let written = 0;
  while (written < buffer.length) {
    written += writeSync(fd, buffer, written, buffer.length - written);
  }
}

/**
 * A rename or a new file is only durable once the directory entry itself is flushed; without this
 * a power cut can bring back the old name even though the file's bytes were synced.
 */
export function syncDirectorySync({ dir }: { dir: string }): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function syncDirectory({ dir }: { dir: string }): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
