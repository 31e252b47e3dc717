import type { DemandCapacity } from '#server/dashboard/compute-demand-capacity';
import { SKILL_LABELS } from '#server/domain/skills';

import { formatCount } from '../../format';
import { toHours } from './labels';

/**
 * The chart's figures as a table, skills by weeks: demand / capacity in hours, red where demand
 * is above capacity. Rendered on the server, so it is there without JavaScript.
 */
export function DemandTable({ demand }: { demand: DemandCapacity }) {
  const cellFor = (week: string, skill: string) =>
    demand.cells.find((cell) => cell.week === week && cell.skill === skill);
  const totals = demand.weeks.map((week) => {
    const cells = demand.cells.filter((cell) => cell.week === week);
    return {
      demand: cells.reduce((sum, cell) => sum + cell.plannedMinutes + cell.unplannedMinutes, 0),
      capacity: cells.reduce((sum, cell) => sum + cell.capacityMinutes, 0),
    };
  });
  return (
    <div className="table-scroll">
      <table className="data demand" data-testid="demand-table">
        <caption className="definition">
          Demand / capacity, in hours, by skill and week. Red where demand is above capacity.
        </caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            {demand.weeks.map((week) => (
              <th key={week} scope="col" className="num">
                {week}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {demand.skills.map((skill) => (
            <tr key={skill}>
              <th scope="row">{SKILL_LABELS[skill]}</th>
              {demand.weeks.map((week) => {
                const cell = cellFor(week, skill);
                const wanted = cell ? cell.plannedMinutes + cell.unplannedMinutes : 0;
                const capacity = cell?.capacityMinutes ?? 0;
                return (
                  <td key={week} className={`num${wanted > capacity ? ' over' : ''}`}>
                    {formatCount(toHours(wanted))} / {formatCount(toHours(capacity))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {demand.skills.length > 1 ? (
          <tfoot>
            <tr>
              <td>All skills</td>
              {totals.map((total, index) => (
                <td key={demand.weeks[index]} className={`num${total.demand > total.capacity ? ' over' : ''}`}>
                  {formatCount(toHours(total.demand))} / {formatCount(toHours(total.capacity))}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
