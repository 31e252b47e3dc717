import type { UnplacedRow } from '#server/planning/plan-view-rows';

import { formatCount } from '../../format';
import { unplacedReasonLabel } from './plan-format';

/** Units the plan could not place, with the optimizer's reason and what would fix it. */
export function PlanUnplacedTable({ rows }: { rows: UnplacedRow[] }) {
  if (rows.length === 0) return <p className="notice notice--good">Every open unit is placed.</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="unplaced-table">
        <thead>
          <tr>
            <th>Order</th>
            <th>SKU</th>
            <th>Skill</th>
            <th className="num">Units</th>
            <th>Reason</th>
            <th>What would fix it</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.orderId}-${row.sku}-${index}`}>
              <td>{row.reference}</td>
              <td>{row.sku}</td>
              <td>{row.skill}</td>
              <td className="num">{formatCount(row.quantity)}</td>
              <td>
                <span className="badge badge--bad">{unplacedReasonLabel(row.reason)}</span>
              </td>
              <td className="plan-unplaced__detail">{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
