import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Journal } from './index';
import { makeTempJournalDir } from './testing/temp-journal-dir';

const appenderScript = fileURLToPath(new URL('./testing/append-until-killed.ts', import.meta.url));

/** Runs the appender until it has acknowledged at least `atLeast` records, then kills it with SIGKILL. */
function appendThenKill({ dir, atLeast }: { dir: string; atLeast: number }): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', appenderScript, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/^\d+$/.test(line)) acked.push(Number(line));
      if (acked.length >= atLeast && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`appender exited with ${code ?? signal} before being killed: ${stderr}`));
    });
  });
}

describe('Journal under kill -9', () => {
  let temp: ReturnType<typeof makeTempJournalDir>;
  beforeEach(() => {
    temp = makeTempJournalDir();
  });
  afterEach(() => temp.remove());

  it('keeps every acknowledged record of a process killed while appending', async () => {
    const acked = await appendThenKill({ dir: temp.dir, atLeast: 3000 });
    expect(acked.length).toBeGreaterThanOrEqual(3000);

    const { journal, recovered } = await Journal.open({ dir: temp.dir, logger: { info() {}, warn() {} } });
    const recoveredSeqs = recovered.records.map((record) => record.seq as number);
    // Records are replayed in append order, 1..n without gaps; every acked one is among them.
    expect(recoveredSeqs).toEqual(Array.from({ length: recoveredSeqs.length }, (_, i) => i + 1));
    expect(recoveredSeqs.length).toBeGreaterThanOrEqual(acked.at(-1) ?? 0);
    journal.append({ seq: recoveredSeqs.length + 1 });
    await journal.close();
  }, 30_000);
});
