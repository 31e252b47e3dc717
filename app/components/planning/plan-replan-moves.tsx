import { Link } from '@remix-run/react';

import type { ReplanMoveRow } from '#server/planning/replan-move-rows';

import { formatCount } from '../../format';
import { countOf } from './plan-format';

/**
 * An incremental re-plan's minimal diff against the proposal it kept to: only what moves (new
 * work, committed work moved, work no longer placed), one line each. Everything else stays as it
 * was in that proposal.
 */
export function PlanReplanMoves({ replan }: { replan: { basePlanId: string; moves: ReplanMoveRow[] } }) {
  const { moves } = replan;
  const moved = moves.filter((move) => move.from && move.to);
  const added = moves.filter((move) => !move.from);
  const dropped = moves.filter((move) => !move.to);
  const units = (rows: ReplanMoveRow[]) => rows.reduce((sum, row) => sum + row.units, 0);
  return (
    <section className="card plan-replan" aria-labelledby="replan-title" data-testid="replan-moves">
      <h2 id="replan-title">What this re-plan changes</h2>
      <p className="muted">
        Against <Link to={`/planning/${replan.basePlanId}`}>the proposal it kept to</Link>:{' '}
        {countOf(units(added), 'unit')} of new work, {countOf(units(moved), 'unit')} moved,{' '}
        {countOf(units(dropped), 'unit')} no longer placed. Everything else stays where it was.
      </p>
      {moves.length === 0 ? (
        <p className="notice notice--good">Nothing moves.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="replan-moves-table">
            <thead>
              <tr>
                <th scope="col">Order line</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col" className="num">
                  Units
                </th>
              </tr>
            </thead>
            <tbody>
              {moves.map((move, index) => (
                <tr
                  key={`${move.reference}-${move.sku}-${index}`}
                  data-testid="replan-move"
                  data-kind={!move.from ? 'new' : !move.to ? 'dropped' : 'moved'}
                >
                  <th scope="row">
                    <Link to={`/orders/${move.orderId}`}>{move.reference}</Link> · {move.sku}
                  </th>
                  <td>
                    {move.from ? `${move.from.code}, ${move.from.week}` : <span className="muted">new work</span>}
                  </td>
                  <td>{move.to ? `${move.to.code}, ${move.to.week}` : <span className="muted">not placed</span>}</td>
                  <td className="num">{formatCount(move.units)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
