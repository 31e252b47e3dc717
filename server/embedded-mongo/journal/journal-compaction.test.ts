import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fileName } from './file-layout';
import { Journal } from './index';
import { copyJournalFiles, listFiles, makeTempJournalDir } from './testing/temp-journal-dir';

const snapshotOf = (ids: number[]) => ids.map((id) => ({ _id: id, state: 'compacted' }));

describe('Journal compaction', () => {
  let temp: ReturnType<typeof makeTempJournalDir>;
  beforeEach(() => {
    temp = makeTempJournalDir();
  });
  afterEach(() => temp.remove());

  it('reopens to the snapshot plus the records appended after it', async () => {
    const { journal } = await Journal.open({ dir: temp.dir });
    journal.append({ op: 'a' });
    journal.append({ op: 'b' });
    await journal.compact(snapshotOf([1, 2, 3]));
    expect(journal.recordCount).toBe(0);
    journal.append({ op: 'c' });
    await journal.close();

    const { journal: reopened, recovered } = await Journal.open({ dir: temp.dir });
    expect(recovered.snapshot).toEqual(snapshotOf([1, 2, 3]));
    expect(recovered.records).toEqual([{ op: 'c' }]);
    expect(listFiles({ dir: temp.dir })).toEqual([
      'LOCK',
      fileName({ kind: 'journal', generation: 1 }),
      fileName({ kind: 'snapshot', generation: 1 }),
    ]);
    await reopened.close();
  });

  it('accepts an empty snapshot and repeated compactions, keeping only the newest generation', async () => {
    const { journal } = await Journal.open({ dir: temp.dir });
    journal.append({ op: 'a' });
    await journal.compact([]);
    journal.append({ op: 'b' });
    const first = journal.compact(snapshotOf([1]));
    journal.append({ op: 'during' });
    const second = journal.compact(snapshotOf([1, 2]));
    journal.append({ op: 'after' });
    await Promise.all([first, second]);
    await journal.close();

    const { journal: reopened, recovered } = await Journal.open({ dir: temp.dir });
    expect(recovered.snapshot).toEqual(snapshotOf([1, 2]));
    expect(recovered.records).toEqual([{ op: 'after' }]);
    expect(listFiles({ dir: temp.dir }).filter((name) => name !== 'LOCK')).toHaveLength(2);
    await reopened.close();
  });

  it('rejects a snapshot holding something that is not a document, changing nothing', async () => {
    const { journal } = await Journal.open({ dir: temp.dir });
    journal.append({ op: 'a' });
    await expect(journal.compact([{ ok: 1 }, 42 as never])).rejects.toThrow(/plain object/);
    journal.append({ op: 'b' });
    await journal.close();
    const { journal: reopened, recovered } = await Journal.open({ dir: temp.dir });
    expect(recovered.snapshot).toBeNull();
    expect(recovered.records).toEqual([{ op: 'a' }, { op: 'b' }]);
    await reopened.close();
  });

  describe('after a crash part-way through', () => {
    let before: string;
    beforeEach(async () => {
      // Generation 1: snapshot [1] plus two journal records. Save that state, then compact to generation 2.
      const { journal } = await Journal.open({ dir: temp.dir });
      await journal.compact(snapshotOf([1]));
      journal.append({ op: 'x' });
      journal.append({ op: 'y' });
      await journal.close();
      before = makeTempJournalDir().dir;
      copyJournalFiles({ from: temp.dir, to: before });

      const second = await Journal.open({ dir: temp.dir });
      await second.journal.compact(snapshotOf([1, 2]));
      second.journal.append({ op: 'z' });
      await second.journal.close();
      rmSync(join(temp.dir, 'LOCK'), { force: true });
    });

    const path = (kind: 'journal' | 'snapshot', generation: number) => join(temp.dir, fileName({ kind, generation }));

    it('before the new snapshot was renamed into place: old snapshot, old journal and new journal', async () => {
      rmSync(path('snapshot', 2));
      copyJournalFiles({ from: before, to: temp.dir });
      const finalSnapshotPath = path('snapshot', 2);
      writeFileSync(`${finalSnapshotPath}.tmp`, Buffer.from('half a snapsh'));
      rmSync(before, { recursive: true });

      const { journal, recovered } = await Journal.open({ dir: temp.dir });
      expect(recovered.snapshot).toEqual(snapshotOf([1]));
      expect(recovered.records).toEqual([{ op: 'x' }, { op: 'y' }, { op: 'z' }]);
      expect(listFiles({ dir: temp.dir }).some((name) => name.endsWith('.tmp'))).toBe(false);
      await journal.close();
    });

    it('after the rename but before the old generation was removed: new snapshot and new journal only', async () => {
      copyJournalFiles({ from: before, to: temp.dir });
      rmSync(before, { recursive: true });

      const { journal, recovered } = await Journal.open({ dir: temp.dir });
      expect(recovered.snapshot).toEqual(snapshotOf([1, 2]));
      expect(recovered.records).toEqual([{ op: 'z' }]);
      expect(listFiles({ dir: temp.dir })).not.toContain(fileName({ kind: 'journal', generation: 1 }));
      await journal.close();
    });

    it('with the new journal created but still empty: the old state exactly', async () => {
      rmSync(path('snapshot', 2));
      copyJournalFiles({ from: before, to: temp.dir });
      writeFileSync(path('journal', 2), readFileSync(path('journal', 2)).subarray(0, 16));
      rmSync(before, { recursive: true });

      const { journal, recovered } = await Journal.open({ dir: temp.dir });
      expect(recovered.snapshot).toEqual(snapshotOf([1]));
      expect(recovered.records).toEqual([{ op: 'x' }, { op: 'y' }]);
      journal.append({ op: 'resumed' });
      await journal.close();
      const again = await Journal.open({ dir: temp.dir });
      expect(again.recovered.records).toEqual([{ op: 'x' }, { op: 'y' }, { op: 'resumed' }]);
      await again.journal.close();
    });

    it('refuses a damaged snapshot instead of starting from a partial state', async () => {
      rmSync(before, { recursive: true });
      const bytes = readFileSync(path('snapshot', 2));
      bytes[bytes.length - 3] ^= 0xff;
      writeFileSync(path('snapshot', 2), bytes);
      await expect(Journal.open({ dir: temp.dir })).rejects.toThrow(/snapshot is damaged/);
    });

    it('refuses to replay across a missing journal generation', async () => {
      rmSync(path('snapshot', 2));
      copyJournalFiles({ from: before, to: temp.dir });
      rmSync(path('journal', 1));
      rmSync(before, { recursive: true });
      await expect(Journal.open({ dir: temp.dir })).rejects.toThrow(/missing journal generation 1/);
    });
  });
});
