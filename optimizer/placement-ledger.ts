import { type PlanningInstance } from './planning-instance';
import { RoomIndex } from './room-index';
import { type Assignment } from './types';

// The one place where units are put into (or taken out of) workshop-weeks. Every hard rule is
// checked here — skill, allowed week, free minutes, whole units, lot size, split limit, never
// more than the job's quantity — so no stage can build an invalid plan.

const FIT_TOLERANCE = 1e-6;

/**
 * Trims a partial placement so the units left over can still form a lot of their own: placing 8
 * of 11 units with minLot 5 would strand 3 that no new lot may hold, so place 6 instead. Returns
 * the units unchanged when they finish the job or leave a full lot, and 0 when no trim works.
 */
export function keepRemainderPlaceable({
  units,
  left,
  lotMin,
}: {
  units: number;
  left: number;
  lotMin: number;
}): number {
  if (units >= left || left - units >= lotMin) return units;
  return Math.max(0, left - lotMin);
}

export class PlacementLedger {
  readonly instance: PlanningInstance;
  private readonly freeMinutes: Float64Array;
  private readonly lots: Array<Map<number, number>>;
  private readonly weeksInWorkshop: Array<Map<number, number>>;
  private readonly placedUnits: Float64Array;
  private readonly earnedCents: Float64Array;
  /** Pinned units per job, by workshop-week: never taken out, and exempt from minLot. */
  private readonly pinnedUnits: Array<Map<number, number> | undefined>;
  /** Free minutes by skill and week, so that searches for room visit only workshops that have it. */
  private readonly room: RoomIndex;
  /** Per workshop-week: job → units, in the (deterministic) order the lots were made. */
  private readonly lotsInCell: Array<Map<number, number>>;
  /** Per workshop-week: minutes of its lots beyond their pins, which the relocating fill may move. */
  private readonly movableInCell: Float64Array;

  constructor(instance: PlanningInstance) {
    this.instance = instance;
    const { weeks, workshops, jobs } = instance;
    this.freeMinutes = new Float64Array(workshops.length * weeks);
    workshops.forEach((workshop, w) =>
      workshop.capacityMinutes.forEach((m, t) => (this.freeMinutes[w * weeks + t] = m)),
    );
    this.lots = jobs.map(() => new Map());
    this.weeksInWorkshop = jobs.map(() => new Map());
    this.placedUnits = new Float64Array(jobs.length);
    this.earnedCents = new Float64Array(workshops.length);
    this.pinnedUnits = new Array(jobs.length);
    this.room = new RoomIndex({
      workshopsBySkill: instance.workshopsBySkill,
      workshopCount: workshops.length,
      weeks,
      freeMinutes: (w, t) => this.freeMinutes[w * weeks + t],
    });
    this.lotsInCell = Array.from({ length: workshops.length * weeks }, () => new Map());
    this.movableInCell = new Float64Array(workshops.length * weeks);
  }

  free(w: number, t: number): number {
    return this.freeMinutes[w * this.instance.weeks + t];
  }

  lot(j: number, w: number, t: number): number {
    return this.lotsInCell[w * this.instance.weeks + t].get(j) ?? 0;
  }

  /** Lots in workshop w, week t (job → units), in the (deterministic) order they were made. */
  lotsAt(w: number, t: number): ReadonlyMap<number, number> {
    return this.lotsInCell[w * this.instance.weeks + t];
  }

  /**
   * Calls `visitor(w)` for every workshop w with skill s and at least `minutes` free in week t
   * (within the fit tolerance), in ascending order of w; the visitor returns the minutes the rest
   * of the visit must have. The visitor must not change the ledger.
   */
  visitRoom(s: number, t: number, minutes: number, visitor: (w: number) => number): void {
    this.room.visit(s, t, minutes - FIT_TOLERANCE, (w) => visitor(w) - FIT_TOLERANCE);
  }

  placed(j: number): number {
    return this.placedUnits[j];
  }

  unplaced(j: number): number {
    return this.instance.jobs[j].job.quantity - this.placedUnits[j];
  }

  earned(w: number): number {
    return this.earnedCents[w];
  }

  holds(j: number, w: number): boolean {
    return this.weeksInWorkshop[j].has(w);
  }

  /** Number of weeks in which workshop w has a lot of job j. */
  lotCountIn(j: number, w: number): number {
    return this.weeksInWorkshop[j].get(w) ?? 0;
  }

  /** The workshops job j is in. */
  holders(j: number): Iterable<number> {
    return this.weeksInWorkshop[j].keys();
  }

  /** Distinct workshops the job is in. */
  splitCount(j: number): number {
    return this.weeksInWorkshop[j].size;
  }

  /** Lots of one job as [workshop, week, units], by workshop then week. */
  lotsOf(j: number): Array<[number, number, number]> {
    const weeks = this.instance.weeks;
    return [...this.lots[j].entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([cell, units]) => [Math.floor(cell / weeks), cell % weeks, units]);
  }

  /** True when workshop w may ever do job j in week t (skill, allowed week, not ruled out). */
  eligible(j: number, w: number, t: number): boolean {
    const facts = this.instance.jobs[j];
    const window = facts.window;
    if (!window || t < window.first || t > window.last) return false;
    if (facts.forbidden?.has(w)) return false;
    return this.instance.hasSkill[w * this.instance.skills.length + facts.skill] === 1;
  }

  /** Units of job j in workshop w, week t, that a planner pinned. */
  pinned(j: number, w: number, t: number): number {
    return this.pinnedUnits[j]?.get(w * this.instance.weeks + t) ?? 0;
  }

  /** Units of job j in workshop w, week t, that later stages may move: the lot less its pin. */
  movable(j: number, w: number, t: number): number {
    return this.lot(j, w, t) - this.pinned(j, w, t);
  }

  /** Minutes of all jobs' movable units in workshop w, week t (kept up to date, not summed on asking). */
  movableMinutes(w: number, t: number): number {
    return this.movableInCell[w * this.instance.weeks + t];
  }

  /**
   * Places a planner's pin: skill, week, room, quantity and split are checked by the caller (which
   * explains a pin that breaks them); minLot is not, since the planner chose the quantity.
   */
  pin(j: number, w: number, t: number, units: number): void {
    const cell = w * this.instance.weeks + t;
    const pins = (this.pinnedUnits[j] ??= new Map());
    pins.set(cell, (pins.get(cell) ?? 0) + units);
    this.place(j, w, t, units);
    this.movableInCell[cell] -= units * this.instance.jobs[j].job.minutesPerUnit;
  }

  /**
   * Lets later stages move `units` pinned units of job j in workshop w, week t, again: the
   * incremental re-plan pins committed work so the first stages plan around it, then releases all
   * but the planner's own pins so that moves that place more may touch it.
   */
  release(j: number, w: number, t: number, units: number): void {
    const cell = w * this.instance.weeks + t;
    const pinned = this.pinned(j, w, t);
    if (!Number.isInteger(units) || units <= 0 || units > pinned) {
      throw new Error(`internal: cannot release ${units} pinned units of job ${j} in workshop ${w} week ${t}`);
    }
    if (units === pinned) this.pinnedUnits[j]!.delete(cell);
    else this.pinnedUnits[j]!.set(cell, pinned - units);
    this.movableInCell[cell] += units * this.instance.jobs[j].job.minutesPerUnit;
  }

  /** Most units of job j that workshop w can add in week t, honouring every rule (0 when none). */
  canAdd(j: number, w: number, t: number, wanted = Number.POSITIVE_INFINITY): number {
    // Cheapest checks first: most calls come from scans over crowded workshop-weeks.
    const facts = this.instance.jobs[j];
    const byRoom = Math.floor((this.free(w, t) + FIT_TOLERANCE) / facts.job.minutesPerUnit);
    const units = Math.min(wanted, this.unplaced(j), byRoom);
    if (units <= 0 || !this.eligible(j, w, t)) return 0;
    if (!this.holds(j, w) && this.splitCount(j) >= facts.maxSplit) return 0;
    if (this.lot(j, w, t) + units < facts.lotMin) return 0;
    return units;
  }

  add(j: number, w: number, t: number, units: number): void {
    if (!Number.isInteger(units) || units <= 0 || this.canAdd(j, w, t, units) !== units) {
      throw new Error(`internal: cannot add ${units} units of job ${j} to workshop ${w} week ${t}`);
    }
    this.place(j, w, t, units);
  }

  private place(j: number, w: number, t: number, units: number): void {
    const weeks = this.instance.weeks;
    const minutesPerUnit = this.instance.jobs[j].job.minutesPerUnit;
    this.freeMinutes[w * weeks + t] -= units * minutesPerUnit;
    this.movableInCell[w * weeks + t] += units * minutesPerUnit;
    this.room.update(w, t, this.freeMinutes[w * weeks + t]);
    const lot = this.lot(j, w, t) + units;
    this.lots[j].set(w * weeks + t, lot);
    this.lotsInCell[w * weeks + t].set(j, lot);
    this.weeksInWorkshop[j].set(w, (this.weeksInWorkshop[j].get(w) ?? 0) + (lot === units ? 1 : 0));
    this.placedUnits[j] += units;
    this.earnedCents[w] += units * this.instance.jobs[j].job.pieceRateCents;
  }

  take(j: number, w: number, t: number, units: number): void {
    const lot = this.lot(j, w, t);
    const left = lot - units;
    const pinned = this.pinned(j, w, t);
    const leavesALot = left === 0 || left >= this.instance.jobs[j].lotMin || (pinned > 0 && left === pinned);
    if (!Number.isInteger(units) || units <= 0 || left < pinned || !leavesALot) {
      throw new Error(`internal: cannot take ${units} units of job ${j} from workshop ${w} week ${t}`);
    }
    const weeks = this.instance.weeks;
    this.freeMinutes[w * weeks + t] += units * this.instance.jobs[j].job.minutesPerUnit;
    this.movableInCell[w * weeks + t] -= units * this.instance.jobs[j].job.minutesPerUnit;
    this.room.update(w, t, this.freeMinutes[w * weeks + t]);
    if (left === 0) {
      this.lots[j].delete(w * weeks + t);
      this.lotsInCell[w * weeks + t].delete(j);
      const count = this.weeksInWorkshop[j].get(w)! - 1;
      if (count === 0) this.weeksInWorkshop[j].delete(w);
      else this.weeksInWorkshop[j].set(w, count);
    } else {
      this.lots[j].set(w * weeks + t, left);
      this.lotsInCell[w * weeks + t].set(j, left);
    }
    this.placedUnits[j] -= units;
    this.earnedCents[w] -= units * this.instance.jobs[j].job.pieceRateCents;
  }

  assignments(): Assignment[] {
    const { jobs, workshops, weeks } = this.instance;
    const list: Assignment[] = [];
    jobs.forEach((facts, j) => {
      // By workshop, then week, as lotsOf gives them; without its tuples (a plan has thousands of lots).
      const cells = [...this.lots[j].keys()];
      if (cells.length > 1) cells.sort((a, b) => a - b);
      for (const cell of cells) {
        const w = Math.floor(cell / weeks);
        const week = cell % weeks;
        const quantity = this.lots[j].get(cell)!;
        const pinned = this.pinned(j, w, week);
        const assignment: Assignment = { jobId: facts.job.id, workshopId: workshops[w].id, week, quantity };
        if (pinned > 0) assignment.pinned = pinned;
        list.push(assignment);
      }
    });
    return list;
  }
}
