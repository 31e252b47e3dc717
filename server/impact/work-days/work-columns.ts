import { type WorkDone } from '../read-delivery-and-quality';
import { type WorkRow } from './work-rows-in-memory';

/** The makers of one revision of the work rows, each given a number once. */
export class MakerIndex {
  readonly makers: WorkDone[] = [];
  private readonly byKey = new Map<string, number>();

  indexOf(row: WorkRow): number {
    let index = this.byKey.get(row.makerKey);
    if (index === undefined) {
      index = this.makers.length;
      this.byKey.set(row.makerKey, index);
      this.makers.push({ artisanId: row.maker.artisanId, workshopId: row.maker.workshopId });
    }
    return index;
  }
}

/** The figures summed per maker, in this order (a row's figures are 4 consecutive numbers). */
export const WORK_FIGURES = ['jobsPassed', 'jobsOnTime', 'unitsInspected', 'unitsPassed'] as const;

/**
 * One month's work rows (its month rows, or its day rows) as columns, so that a report sums them
 * by maker into typed arrays with no object made or read per row.
 */
export interface WorkColumns {
  length: number;
  maker: Int32Array;
  /** The row's day (a month row's month start), as milliseconds. */
  day: Float64Array;
  /** Row i's figures are figures[4i] … figures[4i + 3], in WORK_FIGURES order. */
  figures: Float64Array;
}

export function workColumnsOf(rows: readonly WorkRow[], index: MakerIndex): WorkColumns {
  const columns: WorkColumns = {
    length: rows.length,
    maker: new Int32Array(rows.length),
    day: new Float64Array(rows.length),
    figures: new Float64Array(rows.length * WORK_FIGURES.length),
  };
  rows.forEach((row, at) => {
    columns.maker[at] = index.indexOf(row);
    columns.day[at] = row.day.getTime();
    WORK_FIGURES.forEach((figure, offset) => {
      columns.figures[at * WORK_FIGURES.length + offset] = row.figures[figure];
    });
  });
  return columns;
}
