import { type PaidDay } from '../read-paid-days';

/** Who was paid: an artisan in a workshop, or a workshop as a whole. */
export interface Payee {
  artisanId?: string;
  workshopId: string;
}

/** The payees of one revision of the paid rows, each given a number once. */
export class PayeeIndex {
  readonly payees: Payee[] = [];
  /** Each payee's artisan as a number (−1 for a workshop paid as a whole); one artisan may have several payees. */
  readonly artisanOfPayee: number[] = [];
  readonly artisanIds: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly artisanByIdText = new Map<string, number>();

  indexOf(row: Payee): number {
    const key = `${row.workshopId}|${row.artisanId ?? ''}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.payees.length;
      this.byKey.set(key, index);
      this.payees.push({ artisanId: row.artisanId, workshopId: row.workshopId });
      this.artisanOfPayee.push(row.artisanId ? this.artisanNumber(row.artisanId) : -1);
    }
    return index;
  }

  private artisanNumber(artisanId: string): number {
    let number = this.artisanByIdText.get(artisanId);
    if (number === undefined) {
      number = this.artisanIds.length;
      this.artisanByIdText.set(artisanId, number);
      this.artisanIds.push(artisanId);
    }
    return number;
  }
}

/**
 * One month's paid rows (its month rows, or its day rows) as columns: the report sums them by
 * payee into typed arrays, with no object made or read per row.
 */
export interface PaidColumns {
  month: string;
  length: number;
  payee: Int32Array;
  /** The row's day (a month row's month start), as milliseconds. */
  day: Float64Array;
  amountCents: Float64Array;
  labourMinutes: Float64Array;
  revenueCents: Float64Array;
  /** Row i's week numbers are weekNumbers[weekStart[i]] … weekNumbers[weekStart[i + 1] − 1]. */
  weekStart: Int32Array;
  weekNumbers: Int32Array;
  /** Row i's days from pass to money, likewise. */
  daysStart: Int32Array;
  daysToMoney: Float64Array;
}

/** The columns of one month's rows (all of the same month), numbering their payees in `index`. */
export function paidColumnsOf(month: string, rows: readonly PaidDay[], index: PayeeIndex): PaidColumns {
  const length = rows.length;
  const columns: PaidColumns = {
    month,
    length,
    payee: new Int32Array(length),
    day: new Float64Array(length),
    amountCents: new Float64Array(length),
    labourMinutes: new Float64Array(length),
    revenueCents: new Float64Array(length),
    weekStart: new Int32Array(length + 1),
    weekNumbers: new Int32Array(rows.reduce((total, row) => total + row.weekNumbers.length, 0)),
    daysStart: new Int32Array(length + 1),
    daysToMoney: new Float64Array(rows.reduce((total, row) => total + row.daysToMoney.length, 0)),
  };
  let weeks = 0;
  let days = 0;
  rows.forEach((row, at) => {
    columns.payee[at] = index.indexOf(row);
    columns.day[at] = row.day.getTime();
    columns.amountCents[at] = row.amountCents;
    columns.labourMinutes[at] = row.labourMinutes;
    columns.revenueCents[at] = row.revenueCents;
    columns.weekStart[at] = weeks;
    for (const week of row.weekNumbers) columns.weekNumbers[weeks++] = week;
    columns.daysStart[at] = days;
    for (const value of row.daysToMoney) columns.daysToMoney[days++] = value;
  });
  columns.weekStart[length] = weeks;
  columns.daysStart[length] = days;
  return columns;
}

/**
 * The paid rows a report reads, as column chunks: [from, to) bounds the rows of the chunks read
 * by day (month chunks lie inside it whole). Chunks come in the order the rows used to be listed
 * (the day months, then the whole months), which fixes the order artisans are first met in.
 */
export interface PaidWindow {
  index: PayeeIndex;
  chunks: { columns: PaidColumns; byDay: boolean }[];
  from: number;
  to: number;
}

/** Calls `visit` with every row of the window, in order. */
export function forEachPaidRow(window: PaidWindow, visit: (columns: PaidColumns, row: number) => void): void {
  for (const { columns, byDay } of window.chunks) {
    for (let row = 0; row < columns.length; row++) {
      if (byDay && (columns.day[row] < window.from || columns.day[row] >= window.to)) continue;
      visit(columns, row);
    }
  }
}

/** The window's artisans (as numbers of `index.artisanIds`) in the order their first row comes. */
export function artisansInOrder(window: PaidWindow): number[] {
  const seen = new Uint8Array(window.index.artisanIds.length);
  const order: number[] = [];
  forEachPaidRow(window, (columns, row) => {
    const artisan = window.index.artisanOfPayee[columns.payee[row]];
    if (artisan >= 0 && !seen[artisan]) {
      seen[artisan] = 1;
      order.push(artisan);
    }
  });
  return order;
}
