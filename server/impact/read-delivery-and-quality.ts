import { type OrderSource } from '../domain/order-source';
import { type WorkMonthFigures } from '../models/impact-work-month';
import { monthGrain } from './month-grain';
import { countShippedOrders, shippedOrdersInMemory, type OnTimeCount } from './shipped-orders-in-memory';
import { ensureImpactWorkDaysCurrent } from './work-days/keep-work-days-current';
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

/**
 * On-time delivery and inspection outcomes of each range: orders counted from the shipped orders
 * this process keeps (shipped-orders-in-memory.ts), jobs and inspections from their per-maker pre-aggregates as this process keeps
 * them (by month where no range cuts the month, by day elsewhere), read once for all the ranges.
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
    shippedOrdersInMemory.read(memory.revision),
    Promise.all(dayMonths.map((month) => memory.dayRows(month))),
  ]);
  const orders = ranges.map((range) => countShippedOrders(shipped, range));
  // Summed per maker and range: month rows count where their month starts (no range cuts through
  // them, see month-grain.ts), day rows where their day does.
  // Instants as numbers: comparing Date objects converts both on every test (see artisan-impact.ts).
  const results = ranges.map((range, index) => ({
    from: range.from.getTime(),
    to: range.to.getTime(),
    makers: new Map<string, WorkDone & WorkMonthFigures>(),
    ordersByChannel: orders[index],
  }));
  const count = ({ maker, makerKey, day, figures }: WorkRow) => {
    const time = day.getTime();
    for (const { from: rangeFrom, to: rangeTo, makers } of results) {
      if (time < rangeFrom || time >= rangeTo) continue;
      let sum = makers.get(makerKey);
      if (!sum)
        makers.set(makerKey, (sum = { ...maker, jobsPassed: 0, jobsOnTime: 0, unitsInspected: 0, unitsPassed: 0 }));
      sum.jobsPassed += figures.jobsPassed;
      sum.jobsOnTime += figures.jobsOnTime;
      sum.unitsInspected += figures.unitsInspected;
      sum.unitsPassed += figures.unitsPassed;
    }
  };
  for (const { month } of wholeMonths) for (const row of memory.monthRows.get(month) ?? []) count(row);
  for (const list of dayLists) for (const row of list) count(row);
  return results.map(({ makers: sums, ordersByChannel: channels }) => {
    const result: DeliveryAndQuality = { ordersByChannel: channels, jobs: [], inspected: [] };
    for (const sum of sums.values()) {
      const maker = { artisanId: sum.artisanId, workshopId: sum.workshopId };
      if (sum.jobsPassed > 0) result.jobs.push({ ...maker, total: sum.jobsPassed, onTime: sum.jobsOnTime });
      if (sum.unitsInspected > 0)
        result.inspected.push({ ...maker, passed: sum.unitsPassed, inspected: sum.unitsInspected });
    }
    return result;
  });
}
