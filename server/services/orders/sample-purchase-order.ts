import { stringify } from 'csv-stringify/sync';
import { addDays } from 'date-fns';

import { nairobiDateString } from '../../domain/weeks';
import { listOrderableProducts } from './list-orderable-products';
import { PURCHASE_ORDER_COLUMNS } from './purchase-order-file';

/** Days ahead the sample's ship-by lies: inside the network's usual 2–3 week turnaround. */
const SAMPLE_LEAD_DAYS = 21;

/**
 * A purchase-order file to start from, in the columns the import reads: two POs of the active
 * catalogue's first products at their minimum lots, shipping three weeks from today.
 */
export async function samplePurchaseOrderCsv({ now }: { now: Date }): Promise<string> {
  const products = (await listOrderableProducts()).slice(0, 3);
  const shipBy = nairobiDateString(addDays(now, SAMPLE_LEAD_DAYS));
  const rows = products.map((product, index) => ({
    po_number: index < 2 ? 'PO-1001' : 'PO-1002',
    sku: product.sku,
    quantity: product.minimumLot * (index + 1),
    ship_by: shipBy,
    store: 'Flagship store',
    notes: index === 0 ? 'Gift boxes, please' : '',
  }));
  return stringify(rows, { header: true, columns: PURCHASE_ORDER_COLUMNS.map((column) => column.name) });
}
