import { z } from 'zod';

import { validateInput } from '../../domain/validate-input';

/** Blank line rows a fresh order form shows; "Add a line" adds one more, up to the most an order may have. */
export const ORDER_ENTRY_FIRST_ROWS = 3;
export const ORDER_ENTRY_MAX_ROWS = 40;

/** HQ's order form as typed, kept as text so that a refused form is shown again exactly as it was. */
export interface OrderEntryValues {
  customerName: string;
  customerStore: string;
  shipBy: string;
  notes: string;
  lines: { sku: string; quantity: string }[];
}

const FormFields = z.record(z.string(), z.string().max(2000, 'is too long'));

const LINE_FIELD = /^lines\.(\d{1,3})\.(sku|quantity)$/;

/**
 * Reads the order form's fields (`customer.name`, `shipBy`, `lines.0.sku`, `lines.0.quantity`, …,
 * and `lineRows`, how many line rows the page showed). Field names are the paths the order
 * service names in its errors, so each problem lands beside its field.
 */
export function orderEntryValuesOfForm(form: Record<string, string>): OrderEntryValues {
  const fields = validateInput(FormFields, form);
  const shownRows = Number.parseInt(fields.lineRows ?? '', 10);
  let rows = Number.isFinite(shownRows) ? shownRows : ORDER_ENTRY_FIRST_ROWS;
  for (const name of Object.keys(fields)) {
    const match = LINE_FIELD.exec(name);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  rows = Math.min(Math.max(rows, 1), ORDER_ENTRY_MAX_ROWS);
  return {
    customerName: fields['customer.name'] ?? '',
    customerStore: fields['customer.store'] ?? '',
    shipBy: fields.shipBy ?? '',
    notes: fields.notes ?? '',
    lines: Array.from({ length: rows }, (_, index) => ({
      sku: fields[`lines.${index}.sku`] ?? '',
      quantity: fields[`lines.${index}.quantity`] ?? '',
    })),
  };
}

/** The same form with one more blank line row (the "Add a line" button, which works without JavaScript). */
export function withOneMoreLine(values: OrderEntryValues): OrderEntryValues {
  if (values.lines.length >= ORDER_ENTRY_MAX_ROWS) return values;
  return { ...values, lines: [...values.lines, { sku: '', quantity: '' }] };
}

/** A fresh, empty order form. */
export function blankOrderEntry(): OrderEntryValues {
  return {
    customerName: '',
    customerStore: '',
    shipBy: '',
    notes: '',
    lines: Array.from({ length: ORDER_ENTRY_FIRST_ROWS }, () => ({ sku: '', quantity: '' })),
  };
}
