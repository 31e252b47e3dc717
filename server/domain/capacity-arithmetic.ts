import { type Skill } from './skills';
import { type WeekLabel } from './weeks';
import { availableMinutes } from './working-time';

/**
 * The arithmetic of workshop capacity, apart from where the numbers come from, so the capacity
 * service and the demo network's generator compute it the same way.
 *
 * NOTE: an artisan with several skills splits their week evenly between them. Counting their
 * whole week under every skill would promise the same hours twice.
 */
export interface CapacityArtisan {
  workshopId: string;
  skills: readonly Skill[];
  weeklyHours: number;
}

export interface CapacityWeek {
  label: WeekLabel;
  /** Share of a normal week that can be worked (holidays removed). */
  share: number;
}

export interface CommittedMinutes {
  workshopId: string;
  skill: Skill;
  week: WeekLabel;
  minutes: number;
}

export interface CapacityCell {
  workshopId: string;
  skill: Skill;
  week: WeekLabel;
  capacityMinutes: number;
  committedMinutes: number;
  /** Never below zero, even when a workshop is over-committed. */
  freeMinutes: number;
}

/** Whole minutes per skill for one artisan's week; they add up to the artisan's whole week. */
export function splitArtisanMinutes({
  minutes,
  skills,
}: {
  minutes: number;
  skills: readonly Skill[];
}): [Skill, number][] {
  const each = Math.floor(minutes / skills.length);
  const remainder = minutes - each * skills.length;
  return skills.map((skill, index) => [skill, each + (index < remainder ? 1 : 0)]);
}

export function computeCapacityCells({
  artisans,
  weeks,
  committed,
}: {
  artisans: readonly CapacityArtisan[];
  weeks: readonly CapacityWeek[];
  committed: readonly CommittedMinutes[];
}): CapacityCell[] {
  const cells = new Map<string, CapacityCell>();
  const cellFor = (workshopId: string, skill: Skill, week: WeekLabel) => {
    const key = `${workshopId}|${skill}|${week}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { workshopId, skill, week, capacityMinutes: 0, committedMinutes: 0, freeMinutes: 0 };
      cells.set(key, cell);
    }
    return cell;
  };

  for (const week of weeks) {
    for (const artisan of artisans) {
      const minutes = availableMinutes({ weeklyHours: artisan.weeklyHours, share: week.share });
      for (const [skill, skillMinutes] of splitArtisanMinutes({ minutes, skills: artisan.skills })) {
        cellFor(artisan.workshopId, skill, week.label).capacityMinutes += skillMinutes;
      }
    }
  }
  const inHorizon = new Set(weeks.map((week) => week.label));
  for (const entry of committed) {
    if (inHorizon.has(entry.week)) cellFor(entry.workshopId, entry.skill, entry.week).committedMinutes += entry.minutes;
  }
  for (const cell of cells.values()) cell.freeMinutes = Math.max(0, cell.capacityMinutes - cell.committedMinutes);

  return [...cells.values()].sort(
    (left, right) =>
      left.week.localeCompare(right.week) ||
      left.workshopId.localeCompare(right.workshopId) ||
      left.skill.localeCompare(right.skill),
  );
}
