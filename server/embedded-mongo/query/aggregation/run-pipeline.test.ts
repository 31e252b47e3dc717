import { Decimal128, Double, Int32, Long } from 'bson';
import { describe, expect, it } from 'vitest';

import { reusesMingoOptions } from './mingo-compute-options';
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

  it('sums int32 values as int32 until the total leaves int32, then as int64, and any double makes a double', () => {
    // Past int32's range the total is an int64, and stays one when later values bring it back in range.
    const values = [new Int32(2_147_483_000), new Int32(1_000), new Int32(-2_000)];
    const [wide] = runPipeline(
      [{ $group: { _id: null, total: { $sum: '$v' } } }],
      values.map((v) => ({ v })),
      options,
    );
    expect(wide.total).toEqual(Long.fromNumber(2_147_482_000));
    const [small] = runPipeline(
      [{ $group: { _id: null, total: { $sum: '$v' } } }],
      [new Int32(5), 'text', new Int32(-7), null].map((v) => ({ v })),
      options,
    );
    expect(small.total).toEqual(new Int32(-2));
    const [mixed] = runPipeline(
      [{ $group: { _id: null, total: { $sum: '$v' } } }],
      [new Int32(5), new Double(0.25), new Int32(1)].map((v) => ({ v })),
      options,
    );
    expect(mixed.total).toEqual(new Double(6.25));
  });

  it('evaluates operators left to mingo per document, with the pipeline variables and each document as root', () => {
    const docs = [
      { _id: 1, passedAt: new Date(5), dueAt: new Date(9) },
      { _id: 2, passedAt: new Date(9), dueAt: new Date(5) },
      { _id: 3, passedAt: new Date(4), dueAt: new Date(4) },
    ];
    const [counts] = runPipeline(
      [
        {
          $group: {
            _id: null,
            onTime: { $sum: { $cond: [{ $lte: ['$passedAt', '$dueAt'] }, 1, 0] } },
            ids: { $push: { $add: ['$$ROOT._id', '$$bonus'] } },
          },
        },
      ],
      docs,
      { resolve: () => [], variables: { bonus: new Int32(10) } },
    );
    // Evaluations share one set of options instead of copying mingo's operator tables for each document.
    expect(reusesMingoOptions).toBe(true);
    expect(counts.onTime).toEqual(new Int32(2));
    expect(counts.ids).toEqual([new Int32(11), new Int32(12), new Int32(13)]);
  });
});
