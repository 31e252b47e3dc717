import { type PlacementLedger } from './placement-ledger';

// Ejection chains for the relocating fill (relocate-for-room.ts): room is made in a workshop-week
// by moving its work to others with room, or to others where room can be made by moving work on
// in turn (a chain). Each move keeps every rule (the ledger checks them); a chain that fails is
// taken back whole, so the ledger is always as it was or as the chain left it.

export interface Move {
  job: number;
  units: number;
  fromW: number;
  fromT: number;
  toW: number;
  toT: number;
}

/** Workshop-weeks tried for a moved piece of work that fits nowhere as it stands. */
const MAX_NESTED_TRIALS = 6;
/** Moves looked at per chain search, so a crowded network cannot make one search run long. */
const MAX_STEPS = 200;
const FIT_TOLERANCE = 1e-6;

export class WorkMover {
  private readonly ledger: PlacementLedger;
  /** Moves left to look at in the current chain search. */
  private steps = 0;

  constructor(ledger: PlacementLedger) {
    this.ledger = ledger;
  }

  /** Starts a chain search with a fresh budget of moves to look at (the same search always does the same). */
  startChain(): void {
    this.steps = MAX_STEPS;
  }

  /** Minutes of work other than job `except`'s that could move out of workshop w, week t. */
  movableMinutes(w: number, t: number, except: number): number {
    const { ledger } = this;
    // NOTE: the ledger's running total, not a sum over the lots: the chains ask this of every
    // workshop-week of a skill, thousands of times in a SOKO-scale re-plan.
    const minutes =
      ledger.movableMinutes(w, t) - ledger.movable(except, w, t) * ledger.instance.jobs[except].job.minutesPerUnit;
    // A running total of fractional minutes may keep a trace of work gone: that is nothing to move.
    return minutes > FIT_TOLERANCE ? minutes : 0;
  }

  /**
   * Moves work (not job `except`'s) out of workshop w, week t, largest first, until it has
   * `minutes` free or nothing more can go; each move is a chain of up to `depth` moves, the move
   * out of here last. Workshop-weeks in `locked` are on the chain and take nothing.
   */
  freeRoom({
    w,
    t,
    minutes,
    except,
    depth,
    locked,
  }: {
    w: number;
    t: number;
    minutes: number;
    except: number;
    depth: number;
    locked: Set<number>;
  }): Move[][] {
    const { ledger } = this;
    const jobs = ledger.instance.jobs;
    const size = (k: number) => ledger.movable(k, w, t) * jobs[k].job.minutesPerUnit;
    const chains: Move[][] = [];
    // Direct moves for every piece first, chains only then: a chain's search is far dearer.
    for (let length = 1; length <= depth; length++) {
      const lots = [...ledger.lotsAt(w, t).keys()]
        .filter((k) => k !== except && ledger.movable(k, w, t) > 0)
        .sort((a, b) => size(b) - size(a) || a - b);
      for (const k of lots) {
        const need = minutes - ledger.free(w, t);
        if (need <= FIT_TOLERANCE || this.steps <= 0) return chains;
        this.steps--;
        const chain = this.moveOut({ k, w, t, need, depth: length, locked });
        if (chain) chains.push(chain);
      }
    }
    return chains;
  }

  /**
   * Moves units of job k out of workshop w, week t, to one other workshop-week: enough for `need`
   * minutes if the rest stays a lot, else all that may move. Where none has room as it stands, and
   * the chain may grow, room is made in one by moving work on. Null (nothing changed) when neither works.
   */
  private moveOut({
    k,
    w,
    t,
    need,
    depth,
    locked,
  }: {
    k: number;
    w: number;
    t: number;
    need: number;
    depth: number;
    locked: Set<number>;
  }): Move[] | null {
    const { ledger } = this;
    const { weeks } = ledger.instance;
    const facts = ledger.instance.jobs[k];
    const movable = ledger.movable(k, w, t);
    const enough = Math.ceil((need - FIT_TOLERANCE) / facts.job.minutesPerUnit);
    const units = enough < movable && ledger.lot(k, w, t) - enough >= facts.lotMin ? enough : movable;
    const minutes = units * facts.job.minutesPerUnit;
    ledger.take(k, w, t, units);
    const move = (toW: number, toT: number): Move => {
      ledger.add(k, toW, toT, units);
      return { job: k, units, fromW: w, fromT: t, toW, toT };
    };
    const direct = this.roomFor(k, units, locked);
    if (direct) return [move(direct[0], direct[1])];
    if (depth > 1) {
      for (const { toW, toT } of this.roomiest({ k, units, minutes, locked })) {
        locked.add(toW * weeks + toT);
        const chains = this.freeRoom({ w: toW, t: toT, minutes, except: k, depth: depth - 1, locked });
        locked.delete(toW * weeks + toT);
        if (ledger.canAdd(k, toW, toT, units) === units) return [...chains.flat(), move(toW, toT)];
        this.undo(chains.flat());
      }
    }
    ledger.add(k, w, t, units);
    return null;
  }

  /** The first workshop-week not in `locked` with room for `units` of job k (taken out already) as it stands. */
  private roomFor(k: number, units: number, locked: Set<number>): [number, number] | null {
    const { ledger } = this;
    const { weeks } = ledger.instance;
    const facts = ledger.instance.jobs[k];
    const minutes = units * facts.job.minutesPerUnit;
    let found: [number, number] | null = null;
    const fits = (w: number, t: number) => !locked.has(w * weeks + t) && ledger.canAdd(k, w, t, units) === units;
    if (ledger.splitCount(k) >= facts.maxSplit) return this.destinations(k, units).find(([w, t]) => fits(w, t)) ?? null;
    // Only workshops with the room are visited (the room index), not every one with the skill.
    for (let t = facts.window!.first; t <= facts.window!.last && !found; t++) {
      ledger.visitRoom(facts.skill, t, minutes, (w) => {
        if (fits(w, t)) found = [w, t];
        return found ? Number.POSITIVE_INFINITY : minutes;
      });
    }
    return found;
  }

  /**
   * The MAX_NESTED_TRIALS destinations not in `locked` where room for `minutes` of job k's `units`
   * (taken out already) could be made by moving work on: most room first (free and movable
   * minutes), then by workshop and week.
   */
  private roomiest({
    k,
    units,
    minutes,
    locked,
  }: {
    k: number;
    units: number;
    minutes: number;
    locked: Set<number>;
  }): Array<{ toW: number; toT: number; room: number }> {
    const { ledger } = this;
    const { weeks } = ledger.instance;
    const best: Array<{ toW: number; toT: number; room: number }> = [];
    // NOTE: kept in order as they come rather than all listed and sorted: a skill has hundreds of
    // workshop-weeks at SOKO scale and a chain search asks this many times.
    this.forEachDestination(k, units, (toW, toT) => {
      if (locked.has(toW * weeks + toT)) return;
      const room = ledger.free(toW, toT) + this.movableMinutes(toW, toT, k);
      if (room + FIT_TOLERANCE < minutes) return;
      // They come by workshop and week, so one goes after those with as much room as it has.
      if (best.length === MAX_NESTED_TRIALS && room <= best[best.length - 1].room) return;
      let at = best.length;
      while (at > 0 && best[at - 1].room < room) at--;
      best.splice(at, 0, { toW, toT, room });
      if (best.length > MAX_NESTED_TRIALS) best.pop();
    });
    return best;
  }

  /** Workshop-weeks that could take `units` of job k (taken out already) but for room, as a list. */
  private destinations(k: number, units: number): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    this.forEachDestination(k, units, (w, t) => found.push([w, t]));
    return found;
  }

  /**
   * Calls `visit` with every workshop-week that could take `units` of job k (taken out already) but
   * for room: its skill, weeks, lots and split limit, ruled-out workshops excepted. Ascending by
   * workshop, then week.
   */
  private forEachDestination(k: number, units: number, visit: (w: number, t: number) => void): void {
    const { ledger } = this;
    const facts = ledger.instance.jobs[k];
    const window = facts.window!;
    const atSplitLimit = ledger.splitCount(k) >= facts.maxSplit;
    const workshops = atSplitLimit
      ? [...ledger.holders(k)].sort((a, b) => a - b)
      : ledger.instance.workshopsBySkill[facts.skill];
    for (const w of workshops) {
      if (facts.forbidden?.has(w)) continue;
      for (let t = window.first; t <= window.last; t++) {
        if (ledger.lot(k, w, t) + units >= facts.lotMin) visit(w, t);
      }
    }
  }

  /** Takes moves back, latest first. */
  undo(moves: readonly Move[]): void {
    for (let i = moves.length - 1; i >= 0; i--) {
      const move = moves[i];
      this.ledger.take(move.job, move.toW, move.toT, move.units);
      this.ledger.add(move.job, move.fromW, move.fromT, move.units);
    }
  }
}
