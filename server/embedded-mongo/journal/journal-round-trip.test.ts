import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { Binary, Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fileName } from './file-layout';
import { Journal } from './index';
import { makeTempJournalDir } from './testing/temp-journal-dir';

describe('Journal append and reopen', () => {
  let temp: ReturnType<typeof makeTempJournalDir>;
  beforeEach(() => {
    temp = makeTempJournalDir();
  });
  afterEach(() => temp.remove());

  it('starts empty in a new directory', async () => {
    const { journal, recovered } = await Journal.open({ dir: join(temp.dir, 'nested', 'db') });
    expect(recovered).toEqual({ snapshot: null, records: [], droppedTailBytes: 0 });
    expect(journal.recordCount).toBe(0);
    await journal.close();
  });

  it('gives back every appended record, in order, with its BSON types', async () => {
    const id = new ObjectId();
    const records = [
      { op: 'insert', ns: 'kiwanda.orders', doc: { _id: id, qty: 3, at: new Date('2025-03-01T08:00:00Z') } },
      { op: 'update', ns: 'kiwanda.orders', big: Long.fromString('9007199254740993'), price: new Decimal128('12.50') },
      { op: 'raw', bin: new Binary(Buffer.from([0, 1, 2, 255]), 4), nested: [[1, [2, null]], { a: null }] },
    ];
    const first = await Journal.open({ dir: temp.dir });
    for (const record of records) first.journal.append(record);
    expect(first.journal.recordCount).toBe(3);
    await first.journal.close();

    const { journal, recovered } = await Journal.open({
      dir: temp.dir,
      deserializeOptions: { promoteLongs: false },
    });
    expect(recovered.snapshot).toBeNull();
    expect(recovered.droppedTailBytes).toBe(0);
    expect(recovered.records).toHaveLength(3);
    expect(recovered.records[0]).toEqual(records[0]);
    expect(recovered.records[1].big).toBeInstanceOf(Long);
    expect(String(recovered.records[1].big)).toBe('9007199254740993');
    expect(recovered.records[1].price.toString()).toBe('12.50');
    expect(recovered.records[2].bin.sub_type).toBe(4);
    expect(Buffer.from(recovered.records[2].bin.buffer)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(recovered.records[2].nested).toEqual([[1, [2, null]], { a: null }]);
    expect(journal.recordCount).toBe(3);
    await journal.close();
  });

  it('keeps int32 and double apart when asked not to promote values', async () => {
    const first = await Journal.open({ dir: temp.dir });
    first.journal.append({ i: new Int32(1), d: new Double(1) });
    await first.journal.close();
    const { journal, recovered } = await Journal.open({ dir: temp.dir, deserializeOptions: { promoteValues: false } });
    expect(recovered.records[0].i).toBeInstanceOf(Int32);
    expect(recovered.records[0].d).toBeInstanceOf(Double);
    await journal.close();
  });

  it('reports the size of the journal file it appends to', async () => {
    const { journal } = await Journal.open({ dir: temp.dir, sync: 'always' });
    journal.append({ a: 1 });
    journal.append({ b: 'two' });
    const path = join(temp.dir, fileName({ kind: 'journal', generation: 0 }));
    expect(journal.sizeBytes).toBe(statSync(path).size);
    await journal.close();
  });

  it('rejects records that are not documents and leaves the file untouched', async () => {
    const { journal } = await Journal.open({ dir: temp.dir });
    journal.append({ ok: true });
    const path = join(temp.dir, fileName({ kind: 'journal', generation: 0 }));
    const before = readFileSync(path);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => journal.append(null as never)).toThrow(/plain object/);
    expect(() => journal.append([1, 2] as never)).toThrow(/plain object/);
    expect(() => journal.append(circular)).toThrow();
    expect(readFileSync(path)).toEqual(before);
    expect(journal.recordCount).toBe(1);
    await journal.close();
  });

  it('rejects bad options with a message naming them', async () => {
    await expect(Journal.open({ dir: '' })).rejects.toThrow(/dir/);
    await expect(Journal.open({ dir: temp.dir, sync: 'sometimes' as never })).rejects.toThrow(/sync/);
  });

  it('refuses appends after close and a second open of the same directory', async () => {
    const { journal } = await Journal.open({ dir: temp.dir });
    await expect(Journal.open({ dir: temp.dir })).rejects.toThrow(/already open/);
    await journal.close();
    expect(() => journal.append({ late: true })).toThrow(/closed/);
    const again = await Journal.open({ dir: temp.dir });
    await again.journal.close();
  });

  // Replay speed is measured by `npm run bench:mongo`; a timed assertion here would fail on a busy machine.
  it('replays 100k records in order', async () => {
    const { journal } = await Journal.open({ dir: temp.dir });
    for (let i = 0; i < 100_000; i += 1) {
      journal.append({ op: 'insert', ns: 'kiwanda.jobs', doc: { _id: i, workshop: `W${i % 300}`, units: i % 17 } });
    }
    await journal.close();
    const reopened = await Journal.open({ dir: temp.dir });
    expect(reopened.recovered.records).toHaveLength(100_000);
    expect(reopened.recovered.records[99_999].doc._id).toBe(99_999);
    expect(reopened.recovered.records.every((record, index) => record.doc._id === index)).toBe(true);
    await reopened.journal.close();
  });
});
