import { type Document, Double, Int32, Long } from 'bson';
import { describe, expect, it } from 'vitest';

import { countingGroup } from './counting-group';
import { runGroupStage } from './group-stage';

/** What the general $group makes of `n` documents. */
function grouped(spec: Document, n: number): Document[] | undefined {
  return runGroupStage(
    spec,
    Array.from({ length: n }, (_, i) => ({ _id: i })),
    {},
  );
}

describe('countingGroup', () => {
  it('answers counting groups exactly as the general $group does, types included', () => {
    const specs: Document[] = [
      { _id: new Int32(1), n: { $sum: new Int32(1) } },
      { _id: null, n: { $sum: 1 }, also: { $count: {} } },
      { _id: 'all', twice: { $sum: new Int32(2) }, wide: { $sum: Long.fromNumber(3) } },
      { _id: new Date(0), minus: { $sum: new Int32(-4) }, none: { $sum: new Int32(0) } },
      { _id: true, big: { $sum: new Int32(2_000_000_000) } },
    ];
    for (const spec of specs) {
      for (const n of [0, 1, 2, 7]) expect(countingGroup(spec)!(n)).toEqual(grouped(spec, n));
    }
  });

  it('widens a sum past int32 to int64, as repeated additions would', () => {
    const total = countingGroup({ _id: 1, n: { $sum: new Int32(2_000_000_000) } })!(3)[0].n;
    expect(total).toEqual(Long.fromNumber(6_000_000_000));
    expect(countingGroup({ _id: 1, n: { $sum: 1 } })!(2_147_483_647)[0].n).toEqual(new Int32(2_147_483_647));
    expect(countingGroup({ _id: 1, n: { $sum: 1 } })!(2_147_483_648)[0].n).toEqual(Long.fromNumber(2_147_483_648));
  });

  it('leaves every other $group to the general stage', () => {
    expect(countingGroup({ _id: '$status', n: { $sum: 1 } })).toBeUndefined();
    expect(countingGroup({ _id: { a: 1 }, n: { $sum: 1 } })).toBeUndefined();
    expect(countingGroup({ _id: 1, n: { $sum: '$qty' } })).toBeUndefined();
    expect(countingGroup({ _id: 1, n: { $sum: new Double(1) } })).toBeUndefined();
    expect(countingGroup({ _id: 1, n: { $sum: 1.5 } })).toBeUndefined();
    expect(countingGroup({ _id: 1, n: { $avg: 1 } })).toBeUndefined();
    expect(countingGroup({ _id: 1, n: { $count: { x: 1 } } })).toBeUndefined();
    expect(countingGroup({ n: { $sum: 1 } })).toBeUndefined();
  });
});
