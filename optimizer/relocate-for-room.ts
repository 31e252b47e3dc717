import { type Move, WorkMover } from './move-work-aside';
import { keepRemainderPlaceable, type PlacementLedger } from './placement-ledger';

// When a job's leftover fits nowhere as it stands and displacing cheaper work does not pay, room
// can still be made without losing anything: work already in a workshop-week the job could use
// moves to another workshop-week that has room for it, or that room can be made in by moving a
// third piece of work on (an ejection chain of length two or three; move-work-aside.ts). The
// incremental re-plan needs this most: new orders arrive after the committed work has taken the
// big blocks of capacity, so a job with large lots or a split limit finds only fragments, while a
// full re-plan would have laid the committed work out around it. Every chain places more units
// and unplaces none, so priority-weighted units strictly rise; the chains the job's units turn
// out to fit without are taken back, so nothing moves that need not.

interface Candidate {
  w: number;
  t: number;
  /** Most units of the job the workshop-week could take if all its movable work went. */
  units: number;
}

/** Workshop-weeks tried per chain: the roomiest first, so the first few decide in practice. */
const MAX_TRIALS = 24;
/** Longest chain: the job's own placement, one piece moved for it, one moved for that. */
const CHAIN_DEPTH = 2;
const FIT_TOLERANCE = 1e-6;

export class Relocator {
  private readonly ledger: PlacementLedger;
  private readonly mover: WorkMover;
  /** Called with every workshop-week whose lots a chain changed (the displacer's caches). */
  private readonly onChange: (w: number, t: number) => void;

  constructor({ ledger, onChange }: { ledger: PlacementLedger; onChange: (w: number, t: number) => void }) {
    this.ledger = ledger;
    this.mover = new WorkMover(ledger);
    this.onChange = onChange;
  }

  /** Places some of job j's leftover by moving other work out of its way; false when no chain helps. */
  place(j: number): boolean {
    let best: { candidate: Candidate; units: number } | null = null;
    for (const roomiest of this.candidates(j).slice(0, MAX_TRIALS)) {
      if (best && roomiest.units <= best.units) break;
      let candidate = roomiest;
      let trial = this.makeRoom(j, candidate);
      const lotMin = this.ledger.instance.jobs[j].lotMin;
      const least = this.placeable(
        j,
        roomiest.w,
        roomiest.t,
        Math.max(1, lotMin - this.ledger.lot(j, roomiest.w, roomiest.t)),
      );
      if (trial.units === 0 && least > 0 && least < candidate.units) {
        // Room for all of it could not be made: a single lot may still find room.
        this.mover.undo(trial.moves);
        candidate = { ...roomiest, units: least };
        trial = this.makeRoom(j, candidate);
      }
      if (trial.units > (best?.units ?? 0)) best = { candidate, units: trial.units };
      this.mover.undo(trial.moves);
      if (best?.units === roomiest.units) break;
    }
    if (!best) return false;
    // Redo the best chain (the ledger is as before every trial, so it comes out the same) and keep it.
    const { w, t } = best.candidate;
    const { units, moves } = this.makeRoom(j, best.candidate);
    this.ledger.add(j, w, t, units);
    this.onChange(w, t);
    for (const move of moves) {
      this.onChange(move.fromW, move.fromT);
      this.onChange(move.toW, move.toT);
    }
    return true;
  }

  /**
   * Workshop-weeks job j may use where moving other work out would fit more of it, roomiest first:
   * at least the MAX_TRIALS roomiest.
   */
  private candidates(j: number): Candidate[] {
    const { ledger } = this;
    const { instance } = ledger;
    const facts = instance.jobs[j];
    const window = facts.window;
    const wanted = ledger.unplaced(j);
    if (!window || wanted <= 0) return [];
    const found: Candidate[] = [];
    const atSplitLimit = ledger.splitCount(j) >= facts.maxSplit;
    const workshops = atSplitLimit
      ? [...ledger.holders(j)].sort((a, b) => a - b)
      : instance.workshopsBySkill[facts.skill];
    // NOTE: no workshop-week takes more than all that is wanted, and they are visited in the order
    // that breaks ties below (workshop, then week): once MAX_TRIALS take it all, they are the ones
    // tried, and the rest of the skill's workshops (hundreds at SOKO scale) need no look.
    let takingAll = 0;
    search: for (const w of workshops) {
      if (facts.forbidden?.has(w)) continue;
      for (let t = window.first; t <= window.last; t++) {
        const movable = this.mover.movableMinutes(w, t, j);
        if (movable <= 0) continue;
        const fitting = Math.floor((ledger.free(w, t) + movable + FIT_TOLERANCE) / facts.job.minutesPerUnit);
        const units = this.placeable(j, w, t, Math.min(wanted, fitting));
        if (units > 0) found.push({ w, t, units });
        if (units === wanted && ++takingAll === MAX_TRIALS) break search;
      }
    }
    return found.sort((a, b) => b.units - a.units || a.w - b.w || a.t - b.t);
  }

  /** Units of job j worth placing in workshop w, week t, out of `fitting`: a whole lot that leaves a placeable rest. */
  private placeable(j: number, w: number, t: number, fitting: number): number {
    const { ledger } = this;
    const facts = ledger.instance.jobs[j];
    const lot = ledger.lot(j, w, t);
    if (fitting <= 0 || lot + fitting < facts.lotMin) return 0;
    const trimmed = keepRemainderPlaceable({ units: fitting, left: ledger.unplaced(j), lotMin: facts.lotMin });
    return trimmed > 0 && lot + trimmed >= facts.lotMin ? trimmed : fitting;
  }

  /**
   * Moves work out of the candidate workshop-week until job j's units fit, or nothing more can go;
   * returns the units of j that now fit (without placing them) and the moves made, fewest kept.
   */
  private makeRoom(j: number, { w, t, units: target }: Candidate): { units: number; moves: Move[] } {
    const { ledger } = this;
    const minutesPerUnit = ledger.instance.jobs[j].job.minutesPerUnit;
    this.mover.startChain();
    const locked = new Set([w * ledger.instance.weeks + t]);
    const chains = this.mover.freeRoom({
      w,
      t,
      minutes: target * minutesPerUnit,
      except: j,
      depth: CHAIN_DEPTH,
      locked,
    });
    const fitting = Math.floor((ledger.free(w, t) + FIT_TOLERANCE) / minutesPerUnit);
    const units = this.placeable(j, w, t, Math.min(target, fitting));
    if (units <= 0 || ledger.canAdd(j, w, t, units) !== units) return { units: 0, moves: chains.flat() };
    // Undo, latest first, every chain the job's units fit without (the last move of a chain is the one out of here).
    while (chains.length > 0) {
      const out = chains[chains.length - 1].at(-1)!;
      const after = ledger.free(w, t) - out.units * ledger.instance.jobs[out.job].job.minutesPerUnit;
      if (after + FIT_TOLERANCE < units * minutesPerUnit) break;
      this.mover.undo(chains.pop()!);
    }
    return { units, moves: chains.flat() };
  }
}
