import type { AssignmentRow } from '#server/planning/plan-view-rows';

import { formatCount, formatKes, formatPercent } from '../../format';
import { formatHours } from './plan-format';
import { LineLeverForms } from './plan-lever-forms';

/**
 * Units per workshop and week, with how much of the workshop's free time they take. Each row
 * opens (without JavaScript, as a details element) onto the order lines behind it, each with its
 * pin mark and, for those who may set them, "Pin" and "Rule out workshop…".
 */
export function PlanAssignmentsTable({
  rows,
  weeks,
  canSetLevers,
}: {
  rows: AssignmentRow[];
  weeks: string[];
  /** The viewer may pin and rule out workshops (planners and admins, on a proposal). */
  canSetLevers: boolean;
}) {
  if (rows.length === 0)
    return <p className="muted">No workshop gets work in this plan{weeks.length ? '' : ' (nothing was placed)'}.</p>;
  return (
    <div className="table-scroll">
      <table className="data plan-assignments" data-testid="assignments-table">
        <thead>
          <tr>
            <th>Workshop</th>
            {weeks.map((week) => (
              <th key={week} className="num">
                {week}
              </th>
            ))}
            <th className="num">Units</th>
            <th className="num">Earnings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.workshopId}>
              <td>
                <details>
                  <summary>
                    <strong>{row.code}</strong> {row.name}
                    <span className="muted">
                      {' '}
                      · {row.area}
                      {row.artisans !== null ? ` · ${row.artisans} artisans` : ''}
                    </span>
                  </summary>
                  <ul className="plan-assignments__lines">
                    {row.lines.map((line, index) => (
                      <li
                        key={`${line.orderLineId}-${line.week}-${index}`}
                        data-testid="assignment-line"
                        data-line={`${line.reference} / ${line.sku}`}
                        data-workshop={row.code}
                        data-week={line.week}
                        data-quantity={line.quantity}
                        data-pinned={line.pinned}
                      >
                        {line.week}: {formatCount(line.quantity)} × {line.sku} for {line.reference}
                        {line.pinned > 0 ? (
                          <span className="badge badge--pin" title="Pinned by a planner: every plan keeps it">
                            pinned {formatCount(line.pinned)}
                          </span>
                        ) : null}
                        {canSetLevers ? <LineLeverForms line={line} workshop={row} /> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
              {row.weeks.map((cell, index) => (
                <td key={weeks[index]} className="num">
                  {cell.units > 0 ? formatCount(cell.units) : <span className="muted">–</span>}
                  {cell.units > 0 ? (
                    <div className="plan-assignments__load muted">
                      {formatHours(cell.minutes)}
                      {cell.freeMinutes ? ` · ${formatPercent(cell.minutes / cell.freeMinutes)} of free` : ''}
                    </div>
                  ) : null}
                </td>
              ))}
              <td className="num">{formatCount(row.units)}</td>
              <td className="num">{formatKes(row.earningsCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
