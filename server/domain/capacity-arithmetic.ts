import { type Skill } from './skills';
import { type WeekLabel } from './weeks';
import { availableMinutes } from './working-time';

/**
 * The arithmetic of workshop capacity, apart from where the numbers come from, so the capacity
 * module and the demo network's generator compute it the same way.
 *
 * NOTE: an artisan with several skills splits their week evenly between them. Counting their
 * whole week under every skill would promise the same hours twice.
 */
export interface CapacityArtisan {
  /** Needed only to give the artisan a share of their own (see CapacityWeek.shareByArtisan). */
  artisanId?: string;
  workshopId: string;
  skills: readonly Skill[];
  weeklyHours: number;
}

export interface CapacityWeek {
  label: WeekLabel;
  /** Share of a normal week's working time that can still be worked (holidays and time past removed). */
  share: number;
  /** Artisans whose share is smaller than the week's, because they are away some of its days. */
  shareByArtisan?: ReadonlyMap<string, number>;
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

const cellKey = (workshopId: string, skill: Skill, week: WeekLabel) => `${workshopId}|${skill}|${week}`;

function emptyCell(workshopId: string, skill: Skill, week: WeekLabel): CapacityCell {
  return { workshopId, skill, week, capacityMinutes: 0, committedMinutes: 0, freeMinutes: 0 };
}

function sortCells(cells: Iterable<CapacityCell>): CapacityCell[] {
  return [...cells].sort(
    (left, right) =>
      left.week.localeCompare(right.week) ||
      left.workshopId.localeCompare(right.workshopId) ||
      left.skill.localeCompare(right.skill),
  );
}

/** Capacity cells (workshop × skill × week) of the artisans, with the work already committed in them. */
export function computeCapacityCells({
  artisans,
  weeks,
  committed = [],
}: {
  artisans: readonly CapacityArtisan[];
  weeks: readonly CapacityWeek[];
  committed?: readonly CommittedMinutes[];
}): CapacityCell[] {
  const cells = new Map<string, CapacityCell>();
  for (const week of weeks) {
    for (const artisan of artisans) {
      const own = artisan.artisanId === undefined ? undefined : week.shareByArtisan?.get(artisan.artisanId);
      const minutes = availableMinutes({ weeklyHours: artisan.weeklyHours, share: own ?? week.share });
      for (const [skill, skillMinutes] of splitArtisanMinutes({ minutes, skills: artisan.skills })) {
        const key = cellKey(artisan.workshopId, skill, week.label);
        const cell = cells.get(key) ?? emptyCell(artisan.workshopId, skill, week.label);
        cell.capacityMinutes += skillMinutes;
        cells.set(key, cell);
      }
    }
  }
  return addCommittedMinutes({ cells: cells.values(), weeks: weeks.map((week) => week.label), committed });
}

/**
 * Charges committed work to capacity cells (copies; the cells given are left alone) and works out
 * what is free. Work committed where nobody offers time gets a cell of its own.
 */
export function addCommittedMinutes({
  cells,
  weeks,
  committed,
}: {
  cells: Iterable<CapacityCell>;
  weeks: readonly WeekLabel[];
  committed: readonly CommittedMinutes[];
}): CapacityCell[] {
  const byKey = new Map<string, CapacityCell>();
  for (const cell of cells)
    byKey.set(cellKey(cell.workshopId, cell.skill, cell.week), { ...cell, committedMinutes: 0 });
  const inHorizon = new Set(weeks);
  for (const entry of committed) {
    if (!inHorizon.has(entry.week)) continue;
    const key = cellKey(entry.workshopId, entry.skill, entry.week);
    const cell = byKey.get(key) ?? emptyCell(entry.workshopId, entry.skill, entry.week);
    cell.committedMinutes += entry.minutes;
    byKey.set(key, cell);
  }
  for (const cell of byKey.values()) cell.freeMinutes = Math.max(0, cell.capacityMinutes - cell.committedMinutes);
  return sortCells(byKey.values());
}

export interface WorkshopWeekMinutes {
  workshopId: string;
  week: WeekLabel;
  capacityMinutes: number;
  committedMinutes: number;
  /** Never below zero. */
  freeMinutes: number;
}

/**
 * A workshop's week as one pool of minutes shared by its skills: what the optimizer fills.
 *
 * NOTE: this is not the sum of the cells' free minutes. Committed work is charged to one skill's
 * cell, while the artisans could have spent those hours on any of their skills; adding up free
 * cells would count a multi-skill artisan's hours as free under one skill and spent under another.
 */
export function poolWorkshopWeeks(cells: readonly CapacityCell[]): WorkshopWeekMinutes[] {
  const pools = new Map<string, WorkshopWeekMinutes>();
  for (const cell of cells) {
    const key = `${cell.workshopId}|${cell.week}`;
    const pool = pools.get(key) ?? {
      workshopId: cell.workshopId,
      week: cell.week,
      capacityMinutes: 0,
      committedMinutes: 0,
      freeMinutes: 0,
    };
    pool.capacityMinutes += cell.capacityMinutes;
    pool.committedMinutes += cell.committedMinutes;
    pools.set(key, pool);
  }
  for (const pool of pools.values()) pool.freeMinutes = Math.max(0, pool.capacityMinutes - pool.committedMinutes);
  return [...pools.values()];
}
