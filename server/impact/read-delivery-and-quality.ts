import { type OrderSource } from '../domain/order-source';
import { monthGrain } from './month-grain';
import { type AggregateInMemory } from './rows-in-memory';
import { countShippedOrders, shippedOrdersInMemory, type OnTimeCount } from './shipped-orders-in-memory';
import { ensureImpactWorkDaysCurrent } from './work-days/keep-work-days-current';
import { MakerIndex, WORK_FIGURES, workColumnsOf, type WorkColumns } from './work-days/work-columns';
import { workRowsInMemory, type WorkRow } from './work-days/work-rows-in-memory';

export interface DeliveryAndQuality {
  /** Orders shipped in the range, by channel. */
  ordersByChannel: Map<OrderSource, OnTimeCount>;
  /** Jobs that passed inspection in the range, summed by artisan (absent when none is named) and workshop. */
  jobs: (WorkDone & OnTimeCount)[];
  /** Units inspected in the range, summed by artisan and workshop. */
  inspected: (WorkDone & { passed: number; inspected: number })[];
}

/** Who did the work counted: the artisan when one is named, and always the workshop. */
export interface WorkDone {
  artisanId?: string;
  workshopId: string;
}

type Range = { from: Date; to: Date };

/** The makers and column chunks of one revision's rows, made the first time a report reads them. */
const columnsKept = new WeakMap<
  AggregateInMemory<WorkRow>,
  { index: MakerIndex; byRows: WeakMap<readonly WorkRow[], WorkColumns> }
>();

function makersOf(memory: AggregateInMemory<WorkRow>) {
  let kept = columnsKept.get(memory);
  if (!kept) columnsKept.set(memory, (kept = { index: new MakerIndex(), byRows: new WeakMap() }));
  return kept;
}

function columnsOf(memory: AggregateInMemory<WorkRow>, rows: readonly WorkRow[]): WorkColumns {
  const kept = makersOf(memory);
  let columns = kept.byRows.get(rows);
  if (!columns) kept.byRows.set(rows, (columns = workColumnsOf(rows, kept.index)));
  return columns;
}

/**
 * On-time delivery and inspection outcomes of each range: orders counted from the shipped orders
 * this process keeps (shipped-orders-in-memory.ts), jobs and inspections from their per-maker
 * pre-aggregates as this process keeps them (by month where no range cuts the month, by day
 * elsewhere), as columns summed by maker (work-days/work-columns.ts), read once for all the ranges.
 */
export async function readDeliveryAndQuality({ ranges }: { ranges: readonly Range[] }): Promise<DeliveryAndQuality[]> {
  await ensureImpactWorkDaysCurrent();
  const from = new Date(Math.min(...ranges.map((range) => range.from.getTime())));
  const to = new Date(Math.max(...ranges.map((range) => range.to.getTime())));
  const { wholeMonths, dayMonths } = monthGrain({
    from,
    to,
    boundaries: ranges.flatMap((range) => [range.from, range.to]),
  });
  const memory = await workRowsInMemory();
  const [shipped, dayLists] = await Promise.all([
    shippedOrdersInMemory(memory.revision),
    Promise.all(dayMonths.map((month) => memory.dayRows(month))),
  ]);
  const orders = ranges.map((range) => countShippedOrders(shipped, range));
  // Whole months first, then the day months: makers are listed in the order their first row comes.
  const chunks = [
    ...wholeMonths.flatMap(({ month }) => {
      const rows = memory.monthRows.get(month);
      return rows ? [columnsOf(memory, rows)] : [];
    }),
    ...dayLists.map((rows) => columnsOf(memory, rows)),
  ];
  const { makers } = makersOf(memory).index;
  const width = WORK_FIGURES.length;
  return ranges.map((range, index) => {
    // Summed per maker: month rows count where their month starts (no range cuts through them,
    // see month-grain.ts), day rows where their day does.
    const [rangeFrom, rangeTo] = [range.from.getTime(), range.to.getTime()];
    const sums = new Float64Array(makers.length * width);
    const seen = new Uint8Array(makers.length);
    const order: number[] = [];
    for (const columns of chunks) {
      for (let row = 0; row < columns.length; row++) {
        const time = columns.day[row];
        if (time < rangeFrom || time >= rangeTo) continue;
        const maker = columns.maker[row];
        if (!seen[maker]) {
          seen[maker] = 1;
          order.push(maker);
        }
        for (let figure = 0; figure < width; figure++)
          sums[maker * width + figure] += columns.figures[row * width + figure];
      }
    }
    const result: DeliveryAndQuality = { ordersByChannel: orders[index], jobs: [], inspected: [] };
    for (const maker of order) {
      const [jobsPassed, jobsOnTime, unitsInspected, unitsPassed] = sums.subarray(maker * width, (maker + 1) * width);
      const { artisanId, workshopId } = makers[maker];
      if (jobsPassed > 0) result.jobs.push({ artisanId, workshopId, total: jobsPassed, onTime: jobsOnTime });
      if (unitsInspected > 0)
        result.inspected.push({ artisanId, workshopId, passed: unitsPassed, inspected: unitsInspected });
    }
    return result;
  });
}
