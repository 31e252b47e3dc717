import { Decimal128, Int32, Long, type Collection } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { useConformanceDatabase } from './conformance-target';

/**
 * Query results must not depend on whether an index answers them. Each query below runs over an
 * indexed collection and is checked against the same filter evaluated in plain TypeScript over the
 * same generated rows, and against `hint({ $natural: 1 })`, which forces a collection scan.
 */
const target = useConformanceDatabase({ area: 'indexes_used' });

interface Row {
  _id: number;
  workshop: string;
  week: number;
  units: number;
  tags: string[];
  address: { ward: string };
  optional?: number | null;
}

const ROWS = 3000;
function makeRow(i: number): Row {
  const row: Row = {
    _id: i,
    workshop: `W${String((i * 7919) % 150).padStart(3, '0')}`,
    week: (i * 31) % 52,
    units: (i * 2654435761) % 1000,
    tags: [`t${i % 5}`, `t${(i * 3) % 11}`],
    address: { ward: ['Kibera', 'Mathare', 'Kawangware', 'kibera'][i % 4] },
  };
  if (i % 3 === 0) row.optional = i % 2 === 0 ? null : i;
  return row;
}
const rows = Array.from({ length: ROWS }, (_, i) => makeRow(i));

let c: Collection<Row>;
beforeAll(async () => {
  c = target.collection<Row>('jobs');
  await c.createIndexes([
    { key: { workshop: 1, week: 1 } },
    { key: { units: -1 } },
    { key: { tags: 1 } },
    { key: { 'address.ward': 1 } },
    { key: { optional: 1 } },
  ]);
  // Several batches, so that indexes are maintained incrementally rather than built once.
  for (let start = 0; start < ROWS; start += 500) await c.insertMany(rows.slice(start, start + 500));
});

const byId = (a: Row, b: Row) => a._id - b._id;
const ids = (list: Row[]) => list.map((row) => row._id);

async function expectSameAsScan(filter: Record<string, unknown>, expected: Row[]) {
  const viaIndex = await c.find(filter).sort({ _id: 1 }).toArray();
  const viaScan = await c.find(filter).sort({ _id: 1 }).hint({ $natural: 1 }).toArray();
  expect(ids(viaIndex)).toEqual(ids([...expected].sort(byId)));
  expect(ids(viaScan)).toEqual(ids(viaIndex));
}

describe('queries over indexed fields return exactly the matching documents', () => {
  it('equality on the prefix plus a range on the next field of a compound index', async () => {
    await expectSameAsScan(
      { workshop: 'W042', week: { $gte: 10, $lt: 30 } },
      rows.filter((r) => r.workshop === 'W042' && r.week >= 10 && r.week < 30),
    );
  });

  it('a range sorted by the indexed field, in both directions, with skip and limit', async () => {
    const matching = rows.filter((r) => r.units > 100 && r.units <= 400);
    const ascending = [...matching].sort((a, b) => a.units - b.units || a._id - b._id);
    const gotAscending = await c
      .find({ units: { $gt: 100, $lte: 400 } })
      .sort({ units: 1, _id: 1 })
      .toArray();
    expect(ids(gotAscending)).toEqual(ids(ascending));
    const descendingPage = await c
      .find({ units: { $gte: 500 } })
      .sort({ units: -1, _id: -1 })
      .skip(20)
      .limit(15)
      .toArray();
    const expectedPage = rows
      .filter((r) => r.units >= 500)
      .sort((a, b) => b.units - a.units || b._id - a._id)
      .slice(20, 35);
    expect(ids(descendingPage)).toEqual(ids(expectedPage));
  });

  it('$in on an indexed field, and $or across two indexes', async () => {
    await expectSameAsScan(
      { workshop: { $in: ['W001', 'W077', 'W149', 'W999'] } },
      rows.filter((r) => ['W001', 'W077', 'W149'].includes(r.workshop)),
    );
    await expectSameAsScan(
      { $or: [{ units: { $lt: 20 } }, { workshop: 'W100', week: 3 }] },
      rows.filter((r) => r.units < 20 || (r.workshop === 'W100' && r.week === 3)),
    );
  });

  it('a multikey index returns each document once', async () => {
    await expectSameAsScan(
      { tags: { $in: ['t1', 't4'] } },
      rows.filter((r) => r.tags.includes('t1') || r.tags.includes('t4')),
    );
    await expectSameAsScan(
      { tags: { $all: ['t2', 't6'] } },
      rows.filter((r) => r.tags.includes('t2') && r.tags.includes('t6')),
    );
  });

  it('an index on a nested path compares strings by bytes (no collation)', async () => {
    await expectSameAsScan(
      { 'address.ward': 'Kibera' },
      rows.filter((r) => r.address.ward === 'Kibera'),
    );
    await expectSameAsScan(
      { 'address.ward': { $gte: 'K', $lt: 'L' } },
      rows.filter((r) => /^K/.test(r.address.ward)),
    );
    const firstWards = await c
      .find({}, { projection: { 'address.ward': 1 } })
      .sort({ 'address.ward': 1 })
      .limit(1)
      .toArray();
    expect(firstWards[0].address.ward).toBe('Kawangware');
    const lastWards = await c
      .find({}, { projection: { 'address.ward': 1 } })
      .sort({ 'address.ward': -1 })
      .limit(1)
      .toArray();
    expect(lastWards[0].address.ward).toBe('kibera');
  });

  it('null and $exists on an indexed field that is sometimes missing or null', async () => {
    await expectSameAsScan(
      { optional: null },
      rows.filter((r) => r.optional === undefined || r.optional === null),
    );
    await expectSameAsScan(
      { optional: { $exists: true } },
      rows.filter((r) => 'optional' in r),
    );
    await expectSameAsScan(
      { optional: { $gt: 2000 } },
      rows.filter((r) => typeof r.optional === 'number' && r.optional > 2000),
    );
  });

  it('stays correct after updates and deletes move and remove index entries', async () => {
    const moved = await c.updateMany({ workshop: 'W010' }, { $set: { workshop: 'W999' }, $inc: { units: 5000 } });
    const removed = await c.deleteMany({ week: 51 });
    const after = rows
      .filter((r) => r.week !== 51)
      .map((r) => (r.workshop === 'W010' ? { ...r, workshop: 'W999', units: r.units + 5000 } : r));
    expect(moved.modifiedCount).toBe(rows.filter((r) => r.workshop === 'W010').length);
    expect(removed.deletedCount).toBe(rows.filter((r) => r.week === 51).length);
    expect(await c.countDocuments({ workshop: 'W010' })).toBe(0);
    await expectSameAsScan(
      { workshop: 'W999' },
      after.filter((r) => r.workshop === 'W999'),
    );
    await expectSameAsScan(
      { units: { $gte: 5000 } },
      after.filter((r) => r.units >= 5000),
    );
    await expectSameAsScan({ week: 51 }, []);
  });

  it('an equality on an indexed field matches every numeric type of the same value', async () => {
    const mixed = target.collection('mixed_numbers');
    await mixed.createIndex({ v: 1 });
    await mixed.insertMany([
      { _id: 1, v: new Int32(7) },
      { _id: 2, v: Long.fromNumber(7) },
      { _id: 3, v: 7.0 },
      { _id: 4, v: Decimal128.fromString('7.00') },
      { _id: 5, v: 7.5 },
    ]);
    expect((await mixed.find({ v: 7 }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 2, 3, 4]);
    expect((await mixed.find({ v: { $gt: 7 } }).toArray()).map((d) => d._id)).toEqual([5]);
  });
});
