import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fileName, HEADER_BYTES } from './file-layout';
import { Journal } from './index';
import { FRAME_PREFIX_BYTES } from './record-framing';
import { listFiles, makeRecordingLogger, makeTempJournalDir } from './testing/temp-journal-dir';

describe('Journal recovery from a damaged tail', () => {
  let temp: ReturnType<typeof makeTempJournalDir>;
  let journalPath: string;
  /** Byte offset at which each of the five records written by `writeFiveRecords` starts. */
  let recordOffsets: number[];

  beforeEach(async () => {
    temp = makeTempJournalDir();
    journalPath = join(temp.dir, fileName({ kind: 'journal', generation: 0 }));
    const { journal } = await Journal.open({ dir: temp.dir });
    recordOffsets = [];
    for (let n = 1; n <= 5; n += 1) {
      recordOffsets.push(journal.sizeBytes);
      journal.append({ n, text: `record ${n}` });
    }
    await journal.close();
  });
  afterEach(() => temp.remove());

  async function reopen() {
    const logger = makeRecordingLogger();
    const opened = await Journal.open({ dir: temp.dir, logger });
    return { ...opened, logger };
  }

  it('cuts a record torn in the middle and keeps all before it', async () => {
    const fullSize = statSync(journalPath).size;
    truncateSync(journalPath, fullSize - 3);
    const { journal, recovered, logger } = await reopen();
    expect(recovered.records.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(recovered.droppedTailBytes).toBe(fullSize - 3 - recordOffsets[4]);
    expect(statSync(journalPath).size).toBe(recordOffsets[4]);
    expect(logger.warnings.length).toBeGreaterThan(0);
    await journal.close();
  });

  it('cuts a record whose frame header itself is torn', async () => {
    truncateSync(journalPath, recordOffsets[4] + 5);
    const { journal, recovered } = await reopen();
    expect(recovered.records.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(recovered.droppedTailBytes).toBe(5);
    await journal.close();
  });

  it('cuts a last record whose checksum does not match', async () => {
    const bytes = readFileSync(journalPath);
    bytes[recordOffsets[4] + FRAME_PREFIX_BYTES + 10] ^= 0xff;
    writeFileSync(journalPath, bytes);
    const { journal, recovered } = await reopen();
    expect(recovered.records.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(recovered.droppedTailBytes).toBe(bytes.length - recordOffsets[4]);
    await journal.close();
  });

  it('cuts garbage appended after the last record', async () => {
    const garbage = Buffer.from('this is not a journal frame at all, just noise 0123456789');
    appendFileSync(journalPath, garbage);
    const { journal, recovered } = await reopen();
    expect(recovered.records.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(recovered.droppedTailBytes).toBe(garbage.length);
    await journal.close();
  });

  it('treats everything from a damaged record in the middle as the tail', async () => {
    const bytes = readFileSync(journalPath);
    bytes[recordOffsets[2] + FRAME_PREFIX_BYTES + 12] ^= 0x55;
    writeFileSync(journalPath, bytes);
    const { journal, recovered } = await reopen();
    expect(recovered.records.map((r) => r.n)).toEqual([1, 2]);
    expect(recovered.droppedTailBytes).toBe(bytes.length - recordOffsets[2]);
    await journal.close();
  });

  it('keeps the dropped bytes beside the journal and never replays them', async () => {
    const garbage = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    appendFileSync(journalPath, garbage);
    const first = await reopen();
    await first.journal.close();
    const kept = listFiles({ dir: temp.dir }).filter((name) => name.includes('.dropped-at-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(temp.dir, kept[0]))).toEqual(garbage);
    const second = await reopen();
    expect(second.recovered.droppedTailBytes).toBe(0);
    expect(second.recovered.records).toHaveLength(5);
    await second.journal.close();
  });

  it('appends cleanly after a cut tail, and the next reopen sees no damage', async () => {
    truncateSync(journalPath, statSync(journalPath).size - 1);
    const first = await reopen();
    first.journal.append({ n: 6 });
    await first.journal.close();
    const second = await reopen();
    expect(second.recovered.records.map((r) => r.n)).toEqual([1, 2, 3, 4, 6]);
    expect(second.recovered.droppedTailBytes).toBe(0);
    await second.journal.close();
  });

  it('recovers a journal whose file header was torn while it was being created', async () => {
    truncateSync(journalPath, HEADER_BYTES.journal - 4);
    const { journal, recovered } = await reopen();
    expect(recovered.records).toEqual([]);
    expect(recovered.droppedTailBytes).toBe(HEADER_BYTES.journal - 4);
    journal.append({ n: 1 });
    await journal.close();
    const again = await reopen();
    expect(again.recovered.records.map((r) => r.n)).toEqual([1]);
    await again.journal.close();
  });

  it('refuses a file that is not a journal, naming it', async () => {
    writeFileSync(journalPath, Buffer.from('NOTAJOURNAL-----------------'));
    await expect(reopen()).rejects.toThrow(/not a Kiwanda journal file/);
    // The failed open must not keep the directory locked.
    writeFileSync(journalPath, Buffer.alloc(0));
    const { journal } = await reopen();
    await journal.close();
  });
});
