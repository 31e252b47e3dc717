import { type Actor } from '../../domain/actor';
import { DomainError, ForbiddenError, ValidationError } from '../../domain/errors';
import { mayEnterOrders } from '../../domain/roles';
import { enqueueStatusWebhook } from '../channels/enqueue-status-webhook';
import { isDuplicateKeyError } from '../duplicate-key';
import { runInTransaction } from '../run-in-transaction';
import { insertOrder } from './create-order';
import { previewPurchaseOrder, type PurchaseOrderCustomer, type PurchaseOrderPreview } from './preview-purchase-order';
import { promisePreparedOrders } from './promise-prepared-orders';

export interface ImportedOrder {
  orderId: string;
  reference: string;
  poNumber: string;
  lines: { sku: string; quantity: number; promisedShipDate: string | null }[];
}

export type PurchaseOrderImport =
  | { status: 'imported'; orders: ImportedOrder[]; lineCount: number; leftOut: number }
  /** The file's problems are no longer those the planner saw (the catalogue or the orders changed): look again. */
  | { status: 'changed'; preview: PurchaseOrderPreview };

/**
 * Imports a purchase-order file the planner has previewed: every order of its good rows in one
 * transaction (all or nothing), each audited under the planner, announced by order:created after
 * the commit and, for a retail partner's channel, its "accepted" status webhook queued as the
 * API's orders are. Nothing is written while a row is bad unless the planner chose to leave the
 * bad rows out, and then only if they are the rows the preview showed.
 */
export async function importPurchaseOrder({
  actor,
  file,
  customer,
  leaveOutBadRows,
  previewedBadRows,
  now,
}: {
  actor: Actor;
  file: Uint8Array;
  customer: PurchaseOrderCustomer;
  leaveOutBadRows: boolean;
  /** The preview's badRowsKey, as the page showed it. */
  previewedBadRows: string | undefined;
  now: Date;
}): Promise<PurchaseOrderImport> {
  if (!mayEnterOrders(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot import purchase orders`);
  const { preview, prepared } = await previewPurchaseOrder({ file, customer, now });
  if (preview.badRows > 0 && previewedBadRows !== preview.badRowsKey) return { status: 'changed', preview };
  if (preview.badRows > 0 && !leaveOutBadRows)
    throw ValidationError.forField(
      'leaveOutBadRows',
      `${preview.badRows} row${preview.badRows > 1 ? 's have' : ' has'} problems: fix the file, or choose to leave the bad rows out`,
    );
  if (prepared.length === 0) throw ValidationError.forField('file', 'no row of the file can be imported');

  const orders = await promisePreparedOrders({ now, orders: prepared });
  try {
    const written = await runInTransaction(async (unit) => {
      const done = [];
      for (const order of orders) {
        const created = await insertOrder({ unit, order, actor });
        await enqueueStatusWebhook({ session: unit.session, order: created, type: 'order.accepted', at: now });
        done.push(created);
      }
      return done;
    });
    return {
      status: 'imported',
      orders: written.map((order) => ({
        orderId: String(order._id),
        reference: order.reference,
        poNumber: order.externalRef as string,
        lines: order.lines.map((line) => ({
          sku: line.sku,
          quantity: line.quantity,
          promisedShipDate: line.promisedShipDate ?? null,
        })),
      })),
      lineCount: written.reduce((sum, order) => sum + order.lines.length, 0),
      leftOut: preview.badRows,
    };
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw new DomainError('one of these PO numbers was imported by someone else a moment ago; nothing was imported');
    throw error;
  }
}
