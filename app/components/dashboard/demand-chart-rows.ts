import type { DemandCapacity } from '#server/dashboard/compute-demand-capacity';
import { SKILL_LABELS, type Skill } from '#server/domain/skills';

import { toHours } from './labels';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface DemandChartData {
  series: ChartSeries[];
  /** One row per week: hours per series, and the capacity line. */
  rows: ({ week: string; capacity: number } & Record<string, number | string>)[];
}

/**
 * Distinct on screen and for the common colour-vision deficiencies: the seven colours of the
 * Okabe–Ito palette and a dark grey (a light one read as the reddish purple to deuteranope eyes). (A dark amber beside Okabe–Ito's vermillion read as one
 * orange; the yellow replaces it.)
 */
export const SKILL_COLORS: Record<Skill, string> = {
  'brass-casting': '#e69f00',
  'brass-forming': '#f0e442',
  'recycled-brass-finishing': '#666666',
  'horn-carving': '#56b4e9',
  'bone-carving': '#cc79a7',
  'wood-turning': '#009e73',
  'ceramic-beads': '#d55e00',
  'beading-wire-work': '#0072b2',
};

/**
 * All skills: demand stacked by skill. One skill: its demand split into work already planned and
 * demand not planned yet. Either way the line is the capacity of what is shown.
 */
export function demandChartData(demand: DemandCapacity): DemandChartData {
  const single = demand.skills.length === 1;
  const series: ChartSeries[] = single
    ? [
        { key: 'planned', label: 'Planned', color: '#b45309' },
        { key: 'unplanned', label: 'Not planned yet', color: '#f2b880' },
      ]
    : demand.skills.map((skill) => ({ key: skill, label: SKILL_LABELS[skill], color: SKILL_COLORS[skill] }));
  const rows = demand.weeks.map((week) => {
    const cells = demand.cells.filter((cell) => cell.week === week);
    const row: { week: string; capacity: number } & Record<string, number | string> = {
      week,
      capacity: toHours(cells.reduce((sum, cell) => sum + cell.capacityMinutes, 0)),
    };
    if (single) {
      row.planned = toHours(cells.reduce((sum, cell) => sum + cell.plannedMinutes, 0));
      row.unplanned = toHours(cells.reduce((sum, cell) => sum + cell.unplannedMinutes, 0));
    } else {
      for (const cell of cells) row[cell.skill] = toHours(cell.plannedMinutes + cell.unplannedMinutes);
    }
    return row;
  });
  return { series, rows };
}
