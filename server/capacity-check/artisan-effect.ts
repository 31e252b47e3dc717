import { type CheckLine } from './check-question';
import { type CheckArtisan } from './read-check-network';
import { type WorkshopShare } from './split-over-workshops';

export interface ArtisanEffect {
  /** Piece-rate earnings of the units that can be made by the date, KES cents. */
  earningsCents: number;
  /** Artisans with the skill in workshops that get at least one unit's work. */
  artisans: number;
  /** Share of those earnings going to women, 0–1 (null when nothing can be made). */
  womenShare: number | null;
}

/**
 * Who would earn what: each line's piece-rate earnings follow its minutes to the workshops, and
 * in a workshop are shared by the artisans with the skill in proportion to their declared hours
 * (how jobs are split among a workshop's artisans is the workshop's own business).
 */
export function artisanEffect({
  lines,
  madeUnits,
  shares,
  artisans,
}: {
  lines: readonly CheckLine[];
  /** Units of each line made by the date (the shares hold these units, spread over workshops). */
  madeUnits: readonly number[];
  shares: readonly WorkshopShare[];
  artisans: readonly CheckArtisan[];
}): ArtisanEffect {
  const byWorkshopSkill = new Map<string, { minutes: number; cents: number; skill: string; workshop: string }>();
  for (const share of shares) {
    const cents = share.units * lines[share.line].product.pieceRateCents;
    const key = `${share.workshopId}|${share.skill}`;
    const entry = byWorkshopSkill.get(key) ?? { minutes: 0, cents: 0, skill: share.skill, workshop: share.workshopId };
    entry.minutes += share.minutes;
    entry.cents += cents;
    byWorkshopSkill.set(key, entry);
  }

  // The network's artisans by workshop, once: an answer may put work in hundreds of workshops.
  const artisansOf = new Map<string, CheckArtisan[]>();
  for (const artisan of artisans) {
    const members = artisansOf.get(artisan.workshopCode) ?? [];
    members.push(artisan);
    artisansOf.set(artisan.workshopCode, members);
  }
  const working = new Set<CheckArtisan>();
  let women = 0;
  let total = 0;
  for (const entry of byWorkshopSkill.values()) {
    const skilled = (artisansOf.get(entry.workshop) ?? []).filter((a) => a.skills.includes(entry.skill));
    const hours = skilled.reduce((sum, artisan) => sum + artisan.weeklyHours, 0);
    if (hours <= 0) continue;
    total += entry.cents;
    for (const artisan of skilled) {
      if (artisan.gender === 'female') women += (entry.cents * artisan.weeklyHours) / hours;
      working.add(artisan);
    }
  }
  const earningsCents = lines.reduce((sum, line, i) => sum + madeUnits[i] * line.product.pieceRateCents, 0);
  return { earningsCents, artisans: working.size, womenShare: total > 0 ? women / total : null };
}
