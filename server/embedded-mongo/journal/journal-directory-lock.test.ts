import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Journal } from './index';
import { makeTempJournalDir } from './testing/temp-journal-dir';

describe('Journal directory lock', () => {
  let temp: ReturnType<typeof makeTempJournalDir>;
  beforeEach(() => {
    temp = makeTempJournalDir();
  });
  afterEach(() => temp.remove());

  it('takes over a lock left by a process that no longer exists', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(join(temp.dir, 'LOCK'), String(finished.pid));
    const { journal } = await Journal.open({ dir: temp.dir });
    journal.append({ after: 'takeover' });
    await journal.close();
  });

  it('refuses a directory locked by a live process, naming it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(temp.dir, 'LOCK'), String(holder.pid));
      await expect(Journal.open({ dir: temp.dir })).rejects.toThrow(`in use by process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('releases the lock on close so the next open succeeds', async () => {
    const first = await Journal.open({ dir: temp.dir });
    await first.journal.close();
    const second = await Journal.open({ dir: temp.dir });
    await second.journal.close();
  });
});
