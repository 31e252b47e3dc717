import { createHash } from 'node:crypto';

import { z } from 'zod';

import { type FieldIssue, NotFoundError } from '../../domain/errors';
import { objectIdString } from '../../domain/input-schemas';
import { shipByInstant } from '../../domain/ship-by';
import { validateInput } from '../../domain/validate-input';
import { Channel, type ChannelDoc } from '../../models/channel';
import { Order } from '../../models/order';
import { type PreparedOrder, tryPrepareOrder } from './prepare-order';
import { type PurchaseOrderRow, readPurchaseOrderFile } from './purchase-order-file';
import { readTypedQuantity, readTypedShipBy } from './typed-order-fields';

/** Whose purchase order it is: a retail partner's channel, or a customer HQ types in. */
export const PurchaseOrderCustomer = z
  .object({
    channel: objectIdString.optional(),
    customerName: z.string().trim().max(160, 'must be at most 160 characters').optional(),
  })
  .refine((customer) => customer.channel !== undefined || (customer.customerName ?? '') !== '', {
    message: 'choose the retail partner, or type the customer',
    path: ['channel'],
  });
export type PurchaseOrderCustomer = z.input<typeof PurchaseOrderCustomer>;

export interface PreviewRow {
  line: number;
  poNumber: string;
  sku: string;
  quantity: string;
  shipBy: string;
  store: string;
  notes: string;
  /** What is wrong with the row, in words; empty when it can be imported. */
  problems: string[];
}

export interface PreviewOrder {
  poNumber: string;
  /** The file lines of its rows that will be imported. */
  lines: number[];
  units: number;
  shipBy: string;
}

export interface PurchaseOrderPreview {
  customer: { label: string; channelId: string | null; customerName: string | null };
  rows: PreviewRow[];
  /** The orders the good rows make (rows left out are not in them). */
  orders: PreviewOrder[];
  badRows: number;
  /** Names this file's bad rows, so an import can tell whether they are still those the planner saw. */
  badRowsKey: string;
}

async function resolveCustomer(input: PurchaseOrderCustomer) {
  const customer = validateInput(PurchaseOrderCustomer, input);
  if (!customer.channel) {
    const name = customer.customerName as string;
    return { label: name, channel: null, customerName: name };
  }
  const channel = await Channel.findOne({ _id: customer.channel, kind: 'retail-partner', active: true }).lean();
  if (!channel) throw new NotFoundError('retail partner', customer.channel);
  return { label: channel.partner ?? channel.displayName, channel, customerName: null };
}

/** The order the good rows of one PO make, as prepareOrder checks it. */
function orderInput({
  poNumber,
  rows,
  channel,
  customerName,
  now,
}: {
  poNumber: string;
  rows: PurchaseOrderRow[];
  channel: ChannelDoc | null;
  customerName: string | null;
  now: Date;
}) {
  const store = rows.find((row) => row.cells.store !== '')?.cells.store;
  const notes = [...new Set(rows.map((row) => row.cells.notes).filter((note) => note !== ''))].join('; ');
  return {
    ...(channel
      ? { source: 'retail' as const, partner: channel.partner, channel: String(channel._id) }
      : { source: 'hq' as const }),
    customer: { name: channel ? (channel.partner as string) : (customerName as string), store: store || undefined },
    externalRef: poNumber,
    lines: rows.map((row) => ({
      sku: row.cells.sku.toUpperCase(),
      quantity: readTypedQuantity(row.cells.quantity).value as number,
    })),
    placedAt: now,
    shipBy: shipByInstant(readTypedShipBy(rows[0].cells.ship_by).value as string),
    notes: notes.slice(0, 1000) || undefined,
  };
}

/**
 * Reads a purchase-order file and says, row by row and in words, what stops each row from being
 * imported: its own cells (an empty SKU, an unreadable quantity or date), the PO it belongs to
 * (already imported for this customer, rows disagreeing on the ship-by) and the catalogue's own
 * checks through prepareOrder (unknown SKU, below the minimum lot, ship-by in the past), exactly
 * as for the channels' orders. Writes nothing; the good rows' orders come back ready to write.
 */
export async function previewPurchaseOrder({
  file,
  customer: customerInput,
  now,
}: {
  file: Uint8Array;
  customer: PurchaseOrderCustomer;
  now: Date;
}): Promise<{ preview: PurchaseOrderPreview; prepared: PreparedOrder[] }> {
  const customer = await resolveCustomer(customerInput);
  const rows = readPurchaseOrderFile(file);
  const problems = new Map<number, string[]>(rows.map((row) => [row.line, []]));
  const say = (row: PurchaseOrderRow, message: string) => problems.get(row.line)?.push(message);

  for (const row of rows) {
    if (row.shape) say(row, `the row ${row.shape}`);
    if (row.cells.po_number === '') say(row, 'po_number is empty');
    else if (row.cells.po_number.length > 100) say(row, 'po_number is longer than 100 characters');
    if (row.cells.sku === '') say(row, 'sku is empty');
    const quantity = readTypedQuantity(row.cells.quantity);
    if (quantity.problem) say(row, `quantity ${quantity.problem}`);
    const shipBy = readTypedShipBy(row.cells.ship_by);
    if (shipBy.problem) say(row, `ship_by ${shipBy.problem}`);
  }

  const byPo = new Map<string, PurchaseOrderRow[]>();
  for (const row of rows)
    if (row.cells.po_number !== '') byPo.set(row.cells.po_number, [...(byPo.get(row.cells.po_number) ?? []), row]);
  const imported = await Order.find(
    {
      externalRef: { $in: [...byPo.keys()] },
      ...(customer.channel ? { channel: customer.channel._id } : { channel: { $exists: false } }),
    },
    { externalRef: 1, reference: 1 },
  ).lean();
  for (const order of imported)
    for (const row of byPo.get(order.externalRef as string) ?? [])
      say(row, `PO ${order.externalRef} was already imported (order ${order.reference})`);

  const prepared: PreparedOrder[] = [];
  const orders: PreviewOrder[] = [];
  for (const [poNumber, poRows] of byPo) {
    const days = poRows.map((row) => readTypedShipBy(row.cells.ship_by).value);
    const first = days.find((day) => day !== undefined);
    poRows.forEach((row, index) => {
      if (first && days[index] && days[index] !== first)
        say(row, `ship_by differs from the other rows of PO ${poNumber} (${first})`);
    });
    // The catalogue's checks, on the rows still good; what they refuse is left out and the rest checked again.
    let candidates = poRows.filter((row) => problems.get(row.line)?.length === 0);
    for (let pass = 0; candidates.length > 0 && pass < 3; pass++) {
      const attempt = await tryPrepareOrder(
        orderInput({ poNumber, rows: candidates, channel: customer.channel, customerName: customer.customerName, now }),
      );
      if (attempt.order) {
        prepared.push(attempt.order);
        orders.push({
          poNumber,
          lines: candidates.map((row) => row.line),
          units: attempt.order.lines.reduce((sum, line) => sum + line.quantity, 0),
          shipBy: first as string,
        });
        break;
      }
      for (const issue of attempt.issues) sayIssue({ issue, rows: candidates, say });
      candidates = candidates.filter((row) => problems.get(row.line)?.length === 0);
    }
  }

  const previewRows = rows.map((row) => ({
    line: row.line,
    poNumber: row.cells.po_number,
    sku: row.cells.sku,
    quantity: row.cells.quantity,
    shipBy: row.cells.ship_by,
    store: row.cells.store,
    notes: row.cells.notes,
    problems: problems.get(row.line) ?? [],
  }));
  const bad = previewRows.filter((row) => row.problems.length > 0).map((row) => row.line);
  return {
    preview: {
      customer: {
        label: customer.label,
        channelId: customer.channel ? String(customer.channel._id) : null,
        customerName: customer.customerName,
      },
      rows: previewRows,
      orders,
      badRows: bad.length,
      badRowsKey: createHash('sha256').update(bad.join(',')).digest('hex').slice(0, 16),
    },
    prepared,
  };
}

/** Puts one of prepareOrder's problems on the rows it concerns: a line's on its row, the order's on every row. */
function sayIssue({
  issue,
  rows,
  say,
}: {
  issue: FieldIssue;
  rows: PurchaseOrderRow[];
  say: (row: PurchaseOrderRow, message: string) => void;
}) {
  const line = /^lines\.(\d+)\./.exec(issue.field);
  if (line) say(rows[Number(line[1])], issue.message);
  else if (issue.field === 'shipBy') rows.forEach((row) => say(row, `ship_by ${issue.message}`));
  else rows.forEach((row) => say(row, `${issue.field} ${issue.message}`));
}
