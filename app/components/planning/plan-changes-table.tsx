import type { ChangeRow, MoveRow } from '#server/planning/plan-view-rows';

import { formatCount, formatNairobiTime } from '../../format';
import { countOf } from './plan-format';

export interface DiffTotals {
  addedUnits: number;
  removedUnits: number;
  workshopsGaining: number;
  workshopsLosing: number;
}

/** One sentence on what committing would change. */
export function DiffSummary({
  totals,
  baselineCommittedAt,
  moves,
}: {
  totals: DiffTotals;
  baselineCommittedAt: string | null;
  moves: number;
}) {
  const since = baselineCommittedAt
    ? `the plan committed ${formatNairobiTime(baselineCommittedAt)}`
    : 'today’s jobs (no plan committed yet)';
  return (
    <p data-testid="diff-summary">
      Against {since}: adds <strong>{countOf(totals.addedUnits, 'unit')}</strong> in{' '}
      {countOf(totals.workshopsGaining, 'workshop')}
      {totals.removedUnits > 0 ? (
        <>
          ; {countOf(totals.removedUnits, 'unit')} left {countOf(totals.workshopsLosing, 'workshop')} (declined or
          cancelled)
        </>
      ) : null}
      {moves > 0 ? `; ${countOf(moves, 'order line moves', 'order lines move')} to another workshop` : ''}.
    </p>
  );
}

/**
 * Per workshop, a cell per week: units committed there now → units after committing, with what
 * the proposal adds and what declines or cancellations removed.
 */
export function PlanChangesTable({ rows, weeks, moves }: { rows: ChangeRow[]; weeks: string[]; moves: MoveRow[] }) {
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">Committing this proposal changes no workshop’s work.</p>
      ) : (
        <div className="table-scroll">
          <table className="data plan-changes" data-testid="changes-table">
            <thead>
              <tr>
                <th>Workshop</th>
                {weeks.map((week) => (
                  <th key={week} className="num">
                    {week}
                    <div className="plan-changes__legend">now → after</div>
                  </th>
                ))}
                <th className="num">Added</th>
                <th className="num">Removed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.workshopId}>
                  <td>
                    <strong>{row.code}</strong> {row.name}
                  </td>
                  {row.weeks.map((cell, index) => (
                    <td key={weeks[index]} className="num">
                      {cell.addedUnits === 0 && cell.removedUnits === 0 ? (
                        <span className="muted">–</span>
                      ) : (
                        <>
                          {formatCount(cell.committedUnits)} → <strong>{formatCount(cell.afterUnits)}</strong>
                          <div className="plan-changes__delta">
                            {cell.addedUnits > 0 ? (
                              <span className="plan-changes__added">+{formatCount(cell.addedUnits)}</span>
                            ) : null}
                            {cell.removedUnits > 0 ? (
                              <span className="plan-changes__removed"> −{formatCount(cell.removedUnits)}</span>
                            ) : null}
                          </div>
                        </>
                      )}
                    </td>
                  ))}
                  <td className="num plan-changes__added">
                    {row.addedUnits > 0 ? `+${formatCount(row.addedUnits)}` : <span className="muted">–</span>}
                  </td>
                  <td className="num plan-changes__removed">
                    {row.removedUnits > 0 ? `−${formatCount(row.removedUnits)}` : <span className="muted">–</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moves.length > 0 ? (
        <>
          <h3>Order lines changing workshop</h3>
          <ul className="plan-moves">
            {moves.map((move) => (
              <li key={`${move.orderId}-${move.sku}`}>
                {move.reference} {move.sku}: {formatCount(move.units)} units from {move.from.join(', ')} to{' '}
                {move.to.join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
