import { Readable } from 'node:stream';

import { stringify } from 'csv-stringify';

import { Order } from '../models/order';
import { orderListFilter, orderListSort, type OrderListQuery } from './order-list-query';
import { ORDER_ROW_PROJECTION, toOrderRows, type OrderRow, type OrderRowSource } from './order-rows';

/** The CSV's columns, in order: the table's columns, with money in KES and days as YYYY-MM-DD. */
export const ORDER_CSV_COLUMNS: { header: string; value: (row: OrderRow) => string | number }[] = [
  { header: 'reference', value: (row) => row.reference },
  { header: 'source', value: (row) => row.source },
  { header: 'partner', value: (row) => row.partner ?? '' },
  { header: 'customer', value: (row) => row.customer },
  { header: 'country', value: (row) => row.country },
  { header: 'placed_on', value: (row) => row.placedOn },
  { header: 'ship_by', value: (row) => row.shipBy },
  { header: 'status', value: (row) => row.status },
  { header: 'priority', value: (row) => row.priority },
  { header: 'lines', value: (row) => row.lines },
  { header: 'units', value: (row) => row.units },
  { header: 'planned_units', value: (row) => row.plannedUnits },
  { header: 'made_units', value: (row) => row.madeUnits },
  { header: 'value_kes', value: (row) => (row.valueCents / 100).toFixed(2) },
];

/** Orders are read and described this many at a time: memory stays flat however many rows match. */
const CSV_BATCH = 250;

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula; customer names come from the
 * web shop, so such text is written with a leading apostrophe.
 */
function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

async function* csvRecords(query: OrderListQuery): AsyncGenerator<(string | number)[]> {
  const filter = await orderListFilter(query);
  const cursor = Order.find(filter, ORDER_ROW_PROJECTION)
    .sort(orderListSort(query))
    .lean<OrderRowSource[]>()
    .cursor({ batchSize: CSV_BATCH });
  let batch: OrderRowSource[] = [];
  const flush = async function* () {
    for (const row of await toOrderRows(batch)) yield ORDER_CSV_COLUMNS.map((column) => column.value(row));
    batch = [];
  };
  try {
    for await (const order of cursor) {
      batch.push(order as OrderRowSource);
      if (batch.length >= CSV_BATCH) yield* flush();
    }
    yield* flush();
  } finally {
    await cursor.close();
  }
}

/**
 * Every row of the orders query (all pages, in the table's order) as CSV, streamed: rows are
 * written as they are read. A failure midway ends the download with an error rather than a
 * silently short file.
 */
export function streamOrdersCsv({ query }: { query: OrderListQuery }): ReadableStream<Uint8Array> {
  const stringifier = stringify({
    // A byte-order mark, so Excel reads the file as UTF-8 (names like "Müller", "Wanjirũ").
    bom: true,
    header: true,
    columns: ORDER_CSV_COLUMNS.map((column) => column.header),
    cast: { string: defuseFormula },
  });
  const records = Readable.from(csvRecords(query));
  records.on('error', (error) => stringifier.destroy(error));
  // A download the browser abandons stops the reading too (and closes the database cursor).
  stringifier.on('close', () => records.destroy());
  records.pipe(stringifier);
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
}
