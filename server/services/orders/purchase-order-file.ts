import { CsvError, parse } from 'csv-parse/sync';

import { ValidationError } from '../../domain/errors';

/** The largest purchase-order file taken (a PO of a few hundred lines is a few tens of KiB). */
export const PURCHASE_ORDER_MAX_BYTES = 200 * 1024;
/** The most rows one import takes; a longer file is split by the partner's PO numbers. */
export const PURCHASE_ORDER_MAX_ROWS = 500;

export interface PurchaseOrderColumn {
  name: string;
  /** Other headers read as this column (compared lower-case, with spaces and dashes as underscores). */
  aliases: string[];
  required: boolean;
  says: string;
}

/** The columns a purchase-order file has, in the order the sample writes them. The import page lists them. */
export const PURCHASE_ORDER_COLUMNS: readonly PurchaseOrderColumn[] = [
  {
    name: 'po_number',
    aliases: ['po', 'po_no', 'purchase_order', 'externalref', 'external_ref', 'order_number'],
    required: true,
    says: 'the partner’s purchase-order number; rows with the same number make one order with several lines',
  },
  { name: 'sku', aliases: ['product_sku'], required: true, says: 'a SKU of the active catalogue' },
  {
    name: 'quantity',
    aliases: ['qty', 'units'],
    required: true,
    says: 'whole units, at least the product’s minimum lot',
  },
  {
    name: 'ship_by',
    aliases: ['shipby', 'ship_date', 'due_date'],
    required: true,
    says: 'the day the order must ship, e.g. 2026-11-07 or 7/11/2026 (day first); one date per PO',
  },
  { name: 'store', aliases: ['buyer', 'store_or_buyer'], required: false, says: 'optional: the store or buyer' },
  { name: 'notes', aliases: ['note', 'comments'], required: false, says: 'optional: notes for the order' },
];

export type PurchaseOrderField = 'po_number' | 'sku' | 'quantity' | 'ship_by' | 'store' | 'notes';

/** One row of the file as written, with the line of the file it starts on. */
export interface PurchaseOrderRow {
  line: number;
  cells: Record<PurchaseOrderField, string>;
  /** Set when the row has more or fewer cells than the header names. */
  shape?: string;
}

const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function fileProblem(message: string): ValidationError {
  return ValidationError.forField('file', message);
}

/** The file as text: UTF-8 (a byte-order mark allowed), never binary. */
function textOfFile(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw fileProblem('the file is empty');
  if (bytes.byteLength > PURCHASE_ORDER_MAX_BYTES)
    throw fileProblem(
      `the file is ${Math.ceil(bytes.byteLength / 1024)} KiB; the most one import takes is ${PURCHASE_ORDER_MAX_BYTES / 1024} KiB`,
    );
  if (bytes.includes(0)) throw fileProblem('this is not a CSV file (it holds binary data); save the sheet as CSV');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileProblem('the file is not UTF-8 text; save it as “CSV UTF-8 (comma delimited)”');
  }
}

/**
 * Reads a retail partner's purchase-order file: a header naming the columns (see
 * PURCHASE_ORDER_COLUMNS), then one row per order line. What makes the whole file unreadable
 * (empty, too large, binary, not UTF-8, broken quoting, a required column missing, too many rows)
 * is a ValidationError on `file`; what is wrong with a row is for the preview to say.
 */
export function readPurchaseOrderFile(bytes: Uint8Array): PurchaseOrderRow[] {
  const text = textOfFile(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records; // NOTE: csv-parse types the records without `info` even when asked for it
  } catch (error) {
    if (error instanceof CsvError)
      throw fileProblem(`the file is not readable as CSV near line ${String(error.lines ?? '?')}: ${error.message}`);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw fileProblem('the file is empty');
  const keys = header.record.map(headerKey);
  const indexOf = new Map<PurchaseOrderField, number>();
  for (const column of PURCHASE_ORDER_COLUMNS) {
    const index = keys.findIndex((key) => key === column.name || column.aliases.includes(key));
    if (index >= 0) indexOf.set(column.name as PurchaseOrderField, index);
  }
  const missing = PURCHASE_ORDER_COLUMNS.filter(
    (column) => column.required && !indexOf.has(column.name as PurchaseOrderField),
  );
  if (missing.length > 0)
    throw fileProblem(
      `the header row has no ${missing.map((column) => column.name).join(', ')} column${missing.length > 1 ? 's' : ''} (it has: ${header.record.join(', ') || 'nothing'})`,
    );
  const rows = body.filter(({ record }) => record.some((cell) => cell !== ''));
  if (rows.length === 0) throw fileProblem('the file has a header but no rows');
  if (rows.length > PURCHASE_ORDER_MAX_ROWS)
    throw fileProblem(`the file has ${rows.length} rows; the most one import takes is ${PURCHASE_ORDER_MAX_ROWS}`);

  return rows.map(({ record, info }) => {
    const cell = (field: PurchaseOrderField) => {
      const index = indexOf.get(field);
      return index === undefined ? '' : (record[index] ?? '');
    };
    return {
      line: info.lines,
      cells: {
        po_number: cell('po_number'),
        sku: cell('sku'),
        quantity: cell('quantity'),
        ship_by: cell('ship_by'),
        store: cell('store'),
        notes: cell('notes'),
      },
      shape:
        record.length === header.record.length
          ? undefined
          : `has ${record.length} cells where the header names ${header.record.length}`,
    };
  });
}
