import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type JournalLogger } from '../recovery';

/** A fresh directory per test, removed by the returned `remove`. */
export function makeTempJournalDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kiwanda-journal-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the directory's files (not the lock) so a test can later put an old state back. */
export function copyJournalFiles({ from, to }: { from: string; to: string }): void {
  for (const name of readdirSync(from)) {
    if (name !== 'LOCK') cpSync(join(from, name), join(to, name));
  }
}

export function listFiles({ dir }: { dir: string }): string[] {
  return readdirSync(dir).sort();
}

/** Collects warnings so tests can assert that damage was reported, without noise on the console. */
export function makeRecordingLogger(): JournalLogger & { warnings: unknown[][] } {
  const warnings: unknown[][] = [];
  return { warnings, info: () => {}, warn: (...args: unknown[]) => warnings.push(args) };
}
