import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { type FieldIssue, ForbiddenError, ValidationError } from '../../domain/errors';
import { mayEnterOrders } from '../../domain/roles';
import { shipByInstant } from '../../domain/ship-by';
import { validateInput } from '../../domain/validate-input';
import { runInTransaction } from '../run-in-transaction';
import { insertOrder } from './create-order';
import { type OrderEntryValues } from './order-entry-form';
import { tryPrepareOrder } from './prepare-order';
import { promisePreparedOrders } from './promise-prepared-orders';
import { readTypedQuantity, readTypedShipBy } from './typed-order-fields';

const Customer = z.object({
  'customer.name': z.string().trim().min(1, 'is required').max(160, 'must be at most 160 characters'),
  'customer.store': z.string().trim().max(160, 'must be at most 160 characters'),
  notes: z.string().trim().max(1000, 'must be at most 1,000 characters'),
});

export interface EnteredOrder {
  orderId: string;
  reference: string;
  lines: { sku: string; quantity: number; promisedShipDate: string | null }[];
}

/** Where a date far enough ahead stands in for an unreadable ship-by, so the lines can still be checked. */
const CHECK_LINES_ANYWAY_DAYS = 365;

/**
 * An order a planner (or admin) enters at HQ's order form, for a customer who is not a sales
 * channel: checked, priced and promised exactly as a channel's order is (prepareOrder,
 * promisePreparedOrders), written with its audit entry under the planner's name, and announced
 * by order:created after the commit. Every problem of the form is named at once, beside its
 * field: blank rows are skipped, and line problems carry the row's own number.
 */
export async function enterOrder({
  actor,
  values,
  now,
}: {
  actor: Actor;
  values: OrderEntryValues;
  now: Date;
}): Promise<EnteredOrder> {
  if (!mayEnterOrders(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot enter orders`);
  const issues: FieldIssue[] = [];
  let customer = { 'customer.name': values.customerName, 'customer.store': '', notes: '' };
  try {
    customer = validateInput(Customer, {
      'customer.name': values.customerName,
      'customer.store': values.customerStore,
      notes: values.notes,
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  const shipBy = readTypedShipBy(values.shipBy);
  if (shipBy.problem) issues.push({ field: 'shipBy', message: shipBy.problem });

  // Line k given to the order service is form row rows[k].
  const rows: number[] = [];
  const lines: { sku: string; quantity: number }[] = [];
  values.lines.forEach((line, row) => {
    if (line.sku.trim() === '' && line.quantity.trim() === '') return;
    const quantity = readTypedQuantity(line.quantity);
    if (line.sku.trim() === '') issues.push({ field: `lines.${row}.sku`, message: 'choose a SKU for this quantity' });
    if (quantity.problem) issues.push({ field: `lines.${row}.quantity`, message: quantity.problem });
    if (line.sku.trim() !== '' && quantity.value !== undefined) {
      rows.push(row);
      lines.push({ sku: line.sku.trim().toUpperCase(), quantity: quantity.value });
    }
  });
  if (values.lines.every((line) => line.sku.trim() === '' && line.quantity.trim() === ''))
    issues.push({ field: 'lines', message: 'add at least one line: a SKU and a quantity' });

  if (lines.length === 0) throw new ValidationError(sortedIssues(issues));

  // The catalogue's checks run even when the customer or the ship-by is wrong, so that one answer
  // names every problem: stand-ins fill what is already reported.
  const prepared = await tryPrepareOrder({
    source: 'hq',
    customer: {
      name: customer['customer.name'].trim() || 'unnamed',
      store: customer['customer.store'].trim() || undefined,
    },
    lines,
    placedAt: now,
    shipBy: shipBy.value
      ? shipByInstant(shipBy.value)
      : new Date(now.getTime() + CHECK_LINES_ANYWAY_DAYS * 24 * 3_600_000),
    notes: customer.notes.trim() || undefined,
  });
  for (const issue of prepared.issues) {
    const line = /^lines\.(\d+)\.(.+)$/.exec(issue.field);
    if (line) issues.push({ field: `lines.${rows[Number(line[1])]}.${line[2]}`, message: issue.message });
    else if (issue.field === 'shipBy' && shipBy.value) issues.push(issue);
  }
  if (!prepared.order && issues.length === 0) issues.push(...prepared.issues);
  if (issues.length > 0 || !prepared.order) throw new ValidationError(sortedIssues(issues));

  const [order] = await promisePreparedOrders({ now, orders: [prepared.order] });
  const written = await runInTransaction((unit) => insertOrder({ unit, order, actor }));
  return {
    orderId: String(written._id),
    reference: written.reference,
    lines: written.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      promisedShipDate: line.promisedShipDate ?? null,
    })),
  };
}

/** The form's order: customer, ship-by, then line by line. */
function sortedIssues(issues: FieldIssue[]): FieldIssue[] {
  const rank = (field: string) => (field.startsWith('lines') ? 2 : field === 'shipBy' ? 1 : 0);
  return [...issues].sort((left, right) => rank(left.field) - rank(right.field));
}
