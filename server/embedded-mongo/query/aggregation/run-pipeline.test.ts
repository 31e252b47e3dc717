import { Decimal128, Double, Int32, Long } from 'bson';
import { describe, expect, it } from 'vitest';

import { runPipeline } from './run-pipeline';

const options = { resolve: () => [], variables: {} };

describe('runPipeline', () => {
  it('sums with MongoDB integer widths and averages as doubles', () => {
    const docs = [
      { g: 'a', cents: new Int32(2_000_000_000) },
      { g: 'a', cents: new Int32(2_000_000_000) },
      { g: 'b', cents: Long.fromString('9007199254740993') },
      { g: 'b', cents: Long.fromNumber(2) },
      { g: 'c', cents: new Int32(1) },
      { g: 'c', cents: new Double(0.5) },
    ];
    const [a, b, c] = runPipeline(
      [{ $group: { _id: '$g', total: { $sum: '$cents' }, mean: { $avg: '$cents' }, n: { $sum: 1 } } }],
      docs,
      options,
    );
    expect(a.total).toEqual(Long.fromNumber(4_000_000_000));
    expect(a.mean).toEqual(new Double(2_000_000_000));
    expect(b.total.toString()).toBe('9007199254740995');
    expect(c.total).toEqual(new Double(1.5));
    expect(a.n).toEqual(new Int32(2));
  });

  it('keeps stored types through $match, $sort, $project and $unwind', () => {
    const docs = [{ _id: 1, rate: new Double(2), lines: [{ qty: new Int32(3) }, { qty: new Int32(4) }] }];
    const out = runPipeline(
      [
        { $unwind: { path: '$lines', includeArrayIndex: 'at' } },
        { $match: { 'lines.qty': { $gte: 4 } } },
        { $project: { rate: 1, qty: '$lines.qty', at: 1, value: { $multiply: ['$lines.qty', new Int32(250)] } } },
      ],
      docs,
      options,
    );
    expect(out).toEqual([
      { _id: 1, rate: new Double(2), at: Long.fromNumber(1), qty: new Int32(4), value: new Int32(1000) },
    ]);
  });

  it('joins with $lookup on localField/foreignField and computes through mingo for other operators', () => {
    const workshops = [{ _id: 'W1', name: 'Kibera Brass' }];
    const out = runPipeline(
      [
        { $lookup: { from: 'workshops', localField: 'workshop', foreignField: '_id', as: 'shop' } },
        { $set: { label: { $concat: ['$code', ' @ ', { $arrayElemAt: ['$shop.name', 0] }] } } },
        { $unset: 'shop' },
      ],
      [{ _id: 1, code: 'J1', workshop: 'W1' }],
      { resolve: () => workshops, variables: {} },
    );
    expect(out).toEqual([{ _id: 1, code: 'J1', workshop: 'W1', label: 'J1 @ Kibera Brass' }]);
  });

  it('refuses Decimal128 arithmetic instead of rounding it', () => {
    const docs = [{ price: Decimal128.fromString('0.10') }, { price: Decimal128.fromString('0.20') }];
    expect(() => runPipeline([{ $group: { _id: null, total: { $sum: '$price' } } }], docs, options)).toThrow(
      /Decimal128/,
    );
    expect(runPipeline([{ $group: { _id: null, n: { $sum: 1 } } }], docs, options)).toEqual([
      { _id: null, n: new Int32(2) },
    ]);
  });
});
