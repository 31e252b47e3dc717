import { Form, Link } from '@remix-run/react';

import { ORDER_PRIORITY_LABELS } from '#server/domain/order-priority';
import type { UnplacedFix, UnplacedRow } from '#server/planning/plan-view-rows';

import { formatCount, formatDay } from '../../format';
import { unplacedReasonLabel } from './plan-format';

/**
 * Units the plan could not place: which order, product and ship-by day, why in the planner's
 * words, and each fix as a button that applies it and plans again.
 */
export function PlanUnplacedTable({ rows, canAct }: { rows: UnplacedRow[]; canAct: boolean }) {
  if (rows.length === 0) return <p className="notice notice--good">Every open unit is placed.</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="unplaced-table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Product</th>
            <th scope="col">Ship by</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col">Why</th>
            <th scope="col">Fix</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.orderLineId}-${index}`} data-testid="unplaced-row">
              <th scope="row">
                <Link to={`/orders/${row.orderId}`}>{row.reference}</Link>
                {row.priority && row.priority !== 'normal' ? (
                  <span className="badge">{ORDER_PRIORITY_LABELS[row.priority]}</span>
                ) : null}
              </th>
              <td>
                {row.productName}
                <br />
                <span className="muted">{row.sku}</span>
              </td>
              <td>{row.shipBy ? formatDay(row.shipBy) : '—'}</td>
              <td className="num">{formatCount(row.quantity)}</td>
              <td className="plan-unplaced__detail">
                <span className="badge badge--bad">{unplacedReasonLabel(row.reason)}</span> {plainReason(row)}
                {row.detail ? (
                  <details>
                    <summary>The optimizer’s working</summary>
                    {row.detail}
                  </details>
                ) : null}
              </td>
              <td>
                <UnplacedFixes row={row} canAct={canAct} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reason in a planner's words, naming the skill and the ship-by day. */
function plainReason(row: UnplacedRow): string {
  const shipBy = row.shipBy ? formatDay(row.shipBy) : 'its ship-by day';
  switch (row.reason) {
    case 'no-skill':
      return `No active workshop has the ${row.skill.toLowerCase()} skill.`;
    case 'deadline':
      return `Shipping by ${shipBy} leaves no planning week to make it in.`;
    case 'capacity':
      return `Workshops have no more free ${row.skill.toLowerCase()} time before ${shipBy}.`;
    case 'lot-or-split':
      return 'What workshops still have free in one week is less than one lot of this product, or the line is already shared among as many workshops as allowed.';
    default:
      return '';
  }
}

function fixLabel(fix: UnplacedFix): string {
  switch (fix.change) {
    case 'ship-by':
      return `Move ship-by to ${formatDay(fix.shipBy)}`;
    case 'priority':
      return `Raise to ${ORDER_PRIORITY_LABELS[fix.priority].toLowerCase()} priority`;
    case 'line-lot':
      return `Allow lots of ${formatCount(fix.minimumLot)} for this line`;
  }
}

function UnplacedFixes({ row, canAct }: { row: UnplacedRow; canAct: boolean }) {
  if (row.reason === 'no-skill') return <Link to="/workshops">Give a workshop this skill</Link>;
  if (row.fixes.length === 0) return <span className="muted">No change to this order would help.</span>;
  if (!canAct) return <span className="muted">{row.fixes.map(fixLabel).join('; ')} (planners only)</span>;
  return (
    <div className="plan-unplaced__fixes">
      {row.fixes.map((fix) => (
        <Form method="post" key={fix.change} replace>
          <input type="hidden" name="intent" value="fix" />
          <input type="hidden" name="orderId" value={row.orderId} />
          <input type="hidden" name="change" value={fix.change} />
          {fix.change === 'ship-by' ? <input type="hidden" name="shipBy" value={fix.shipBy} /> : null}
          {fix.change === 'priority' ? <input type="hidden" name="priority" value={fix.priority} /> : null}
          {fix.change === 'line-lot' ? (
            <>
              <input type="hidden" name="orderLineId" value={fix.orderLineId} />
              <input type="hidden" name="minimumLot" value={fix.minimumLot} />
            </>
          ) : null}
          <button type="submit" className="button button--quiet" data-testid={`fix-${fix.change}`}>
            {fixLabel(fix)} and re-plan
          </button>
        </Form>
      ))}
    </div>
  );
}
