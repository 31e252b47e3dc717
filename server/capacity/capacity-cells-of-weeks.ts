import {
  type CapacityArtisan,
  type CapacityCell,
  type CapacityWeek,
  computeCapacityCells,
  splitArtisanMinutes,
} from '../domain/capacity-arithmetic';
import { availableMinutes } from '../domain/working-time';

/**
 * Capacity (workshop × skill × week) of some artisans for some weeks, before commitments; the
 * same figures computeCapacityCells gives, computed faster for the network's few thousand
 * artisans. Weeks differ mostly by their share, so the arithmetic over the whole list runs once
 * per share and artisan list (kept while the list is); the few artisans away some days are then
 * corrected one by one.
 */
const cellsByShare = new WeakMap<readonly CapacityArtisan[], Map<number, CapacityCell[]>>();
const artisansById = new WeakMap<readonly CapacityArtisan[], Map<string, CapacityArtisan>>();
/** The current week's share changes as the day goes on; old shares are not worth keeping. */
const MAX_SHARES_KEPT = 32;

export function capacityCellsOfWeeks({
  artisans,
  weeks,
}: {
  artisans: readonly CapacityArtisan[];
  weeks: readonly CapacityWeek[];
}): CapacityCell[] {
  let byShare = cellsByShare.get(artisans);
  if (!byShare) {
    byShare = new Map();
    cellsByShare.set(artisans, byShare);
  }
  const kept = byShare;
  return weeks.flatMap((week) => {
    let cells = kept.get(week.share);
    if (!cells) {
      if (kept.size >= MAX_SHARES_KEPT) kept.clear();
      cells = computeCapacityCells({ artisans, weeks: [{ label: week.label, share: week.share }] });
      kept.set(week.share, cells);
    }
    const copies = new Map(cells.map((cell) => [`${cell.workshopId}|${cell.skill}`, { ...cell, week: week.label }]));
    if (week.shareByArtisan) {
      const byId = artisanIndex(artisans);
      for (const [artisanId, share] of week.shareByArtisan) {
        const artisan = byId.get(artisanId);
        if (!artisan) continue;
        const usual = splitArtisanMinutes({
          minutes: availableMinutes({ weeklyHours: artisan.weeklyHours, share: week.share }),
          skills: artisan.skills,
        });
        const own = splitArtisanMinutes({
          minutes: availableMinutes({ weeklyHours: artisan.weeklyHours, share }),
          skills: artisan.skills,
        });
        usual.forEach(([skill, minutes], index) => {
          const cell = copies.get(`${artisan.workshopId}|${skill}`);
          if (cell) cell.capacityMinutes += own[index][1] - minutes;
        });
      }
    }
    // Free minutes are worked out once commitments are charged (addCommittedMinutes).
    return [...copies.values()];
  });
}

function artisanIndex(artisans: readonly CapacityArtisan[]): Map<string, CapacityArtisan> {
  let index = artisansById.get(artisans);
  if (!index) {
    index = new Map(artisans.flatMap((artisan) => (artisan.artisanId ? [[artisan.artisanId, artisan] as const] : [])));
    artisansById.set(artisans, index);
  }
  return index;
}
