import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { PRIVATE_FILE_MODE } from './private-files';

const LOCK_FILE = 'LOCK';

/**
 * Two processes appending to one journal would interleave frames and destroy it, so a journal
 * directory is owned by one process at a time. The lock file holds the owner's pid; a lock left
 * behind by a process that no longer exists (killed, crashed) is taken over, which is what lets a
 * server restart after kill -9.
 */
export function acquireDirectoryLock({ dir }: { dir: string }): { release(): void } {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => releaseLock({ path }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readLockOwner({ path });
    if (owner === process.pid) {
      throw new Error(`journal directory ${dir} is already open in this process; close it first`);
    }
    if (owner !== null && isProcessAlive({ pid: owner })) {
      throw new Error(`journal directory ${dir} is in use by process ${owner}`);
    }
    // NOTE: stale lock from a process that is gone; remove it and race for it again.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`could not take the lock on journal directory ${dir}`);
}

function readLockOwner({ path }: { path: string }): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isProcessAlive({ pid }: { pid: number }): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie({ pid });
}

/**
 * A killed process stays in the process table as a zombie until its parent reaps it, and signal 0
 * still reaches it; it can no longer write, so its lock is stale. Linux only; elsewhere assume alive.
 */
function isZombie({ pid }: { pid: number }): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

function releaseLock({ path }: { path: string }): void {
  if (readLockOwner({ path }) !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
