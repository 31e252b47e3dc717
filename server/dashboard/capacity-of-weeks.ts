import { computeCapacityCells, type CapacityCell } from '../domain/capacity-arithmetic';
import { type WeekLabel } from '../domain/weeks';
import { workingShareOfWeek } from '../domain/working-time';
import { type CapacityArtisanRecord } from './capacity-base';

/**
 * Capacity (workshop × skill × week) of the network's artisans for some weeks, without their
 * commitments. Weeks differ only by their share of working days, so the arithmetic runs once
 * per share and artisan list (kept while the list is), not once per week and request.
 */
const cellsByShare = new WeakMap<readonly CapacityArtisanRecord[], Map<number, CapacityCell[]>>();
const shareOfWeek = new Map<WeekLabel, number>();

export function capacityCellsOfWeeks({
  artisans,
  weeks,
}: {
  artisans: readonly CapacityArtisanRecord[];
  weeks: readonly WeekLabel[];
}): CapacityCell[] {
  let byShare = cellsByShare.get(artisans);
  if (!byShare) {
    byShare = new Map();
    cellsByShare.set(artisans, byShare);
  }
  return weeks.flatMap((week) => {
    let share = shareOfWeek.get(week);
    if (share === undefined) {
      share = workingShareOfWeek({ week });
      shareOfWeek.set(week, share);
    }
    let cells = byShare.get(share);
    if (!cells) {
      cells = computeCapacityCells({ artisans, weeks: [{ label: week, share }], committed: [] });
      byShare.set(share, cells);
    }
    return cells.map((cell) => ({ ...cell, week }));
  });
}
