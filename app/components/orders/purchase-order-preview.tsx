import type { PurchaseOrderPreview } from '#server/services/orders/preview-purchase-order';

import { formatCount } from '../../format';

/** Every row of the file as read, its problems in words beside it; bad rows stand out. */
export function PurchaseOrderPreviewTable({ preview }: { preview: PurchaseOrderPreview }) {
  return (
    <div className="table-scroll">
      <table className="data import-preview" data-testid="import-preview">
        <thead>
          <tr>
            <th>Line</th>
            <th>PO number</th>
            <th>SKU</th>
            <th className="num">Quantity</th>
            <th>Ship by</th>
            <th>Store</th>
            <th>Notes</th>
            <th>Problems</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr
              key={row.line}
              className={row.problems.length > 0 ? 'import-preview__bad' : undefined}
              data-bad={row.problems.length > 0 ? 'true' : 'false'}
            >
              <td className="num">{row.line}</td>
              <td className="nowrap">{row.poNumber}</td>
              <td className="nowrap">{row.sku}</td>
              <td className="num">{row.quantity}</td>
              <td className="nowrap">{row.shipBy}</td>
              <td>{row.store}</td>
              <td>{row.notes}</td>
              <td className="import-preview__problems">
                {row.problems.length > 0 ? row.problems.join('; ') : <span className="muted">ready</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 orders with 7 lines ready; 2 rows have problems." */
export function previewSummary(preview: PurchaseOrderPreview): string {
  const lines = preview.orders.reduce((sum, order) => sum + order.lines.length, 0);
  const ready =
    preview.orders.length === 0
      ? 'No row can be imported'
      : `${formatCount(preview.orders.length)} order${preview.orders.length === 1 ? '' : 's'} with ${formatCount(lines)} line${lines === 1 ? '' : 's'} ready`;
  const bad =
    preview.badRows === 0
      ? 'every row is good'
      : `${formatCount(preview.badRows)} row${preview.badRows === 1 ? ' has' : 's have'} problems`;
  return `${ready}; ${bad}.`;
}
