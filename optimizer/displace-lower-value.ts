import { keepRemainderPlaceable, type PlacementLedger } from './placement-ledger';

// When a job's leftover fits nowhere as it stands, room can still be made in a workshop-week by
// taking out work that is worth less per minute (later in the service order). The swap is made
// only when the priority-weighted units gained exceed those removed, so the objective strictly
// improves; the removed units are placed again later in the same pass, since they come later.

interface Displacement {
  w: number;
  t: number;
  units: number;
  gain: number;
  /** Minutes to free for the units. */
  need: number;
}

const EPSILON = 1e-9;

/** Displaces for the fill stage, which offers jobs in service order. */
export class Displacer {
  private readonly ledger: PlacementLedger;
  /** Position of every job in the service order. */
  private readonly rank: Int32Array;
  /**
   * Per workshop-week, at least the latest rank of any job with a lot there. The fill goes down
   * the service order and only ever adds the current job's lots, so a workshop-week with nothing
   * later than the current job will never have anything to displace again: this bound, made once,
   * skips it without looking at its lots. (Most are skipped by the end of the pass.)
   */
  private readonly latestRank: Int32Array;

  constructor({ ledger, serviceOrder }: { ledger: PlacementLedger; serviceOrder: readonly number[] }) {
    const { jobs, workshops, weeks } = ledger.instance;
    this.ledger = ledger;
    this.rank = new Int32Array(jobs.length).fill(jobs.length);
    serviceOrder.forEach((j, position) => (this.rank[j] = position));
    this.latestRank = new Int32Array(workshops.length * weeks).fill(-1);
    for (let w = 0; w < workshops.length; w++) {
      for (let t = 0; t < weeks; t++) {
        let latest = -1;
        for (const k of ledger.lotsAt(w, t).keys()) latest = Math.max(latest, this.rank[k]);
        this.latestRank[w * weeks + t] = latest;
      }
    }
  }

  /** Jobs whose lots could make room in the workshop-week being looked at (reused: no garbage). */
  private readonly victims: number[] = [];

  /** Places some of job j's leftover by displacing less valuable work; false when nothing helps. */
  place(j: number): boolean {
    const { ledger, rank, victims } = this;
    const instance = ledger.instance;
    const facts = instance.jobs[j];
    const window = facts.window;
    const wanted = ledger.unplaced(j);
    if (!window || wanted <= 0) return false;
    const minutesPerUnit = facts.job.minutesPerUnit;
    const priority = facts.job.priority;
    let best: Displacement | null = null;

    for (const w of instance.workshopsBySkill[facts.skill]) {
      if (facts.forbidden?.has(w)) continue;
      if (!ledger.holds(j, w) && ledger.splitCount(j) >= facts.maxSplit) continue;
      for (let t = window.first; t <= window.last; t++) {
        if (this.latestRank[w * instance.weeks + t] <= rank[j]) continue;
        // Measure what could be freed before anything else: most cells hold nothing to displace.
        const free = ledger.free(w, t);
        let freeable = free;
        victims.length = 0;
        for (const k of ledger.lotsAt(w, t).keys()) {
          if (rank[k] <= rank[j]) continue;
          const movable = ledger.movable(k, w, t);
          if (movable <= 0) continue;
          freeable += movable * instance.jobs[k].job.minutesPerUnit;
          victims.push(k);
        }
        if (freeable - free <= 1e-6) continue;
        const lot = ledger.lot(j, w, t);
        const fitting = Math.min(wanted, Math.floor((freeable + 1e-6) / minutesPerUnit));
        if (fitting <= 0 || lot + fitting < facts.lotMin) continue;
        const trimmed = keepRemainderPlaceable({ units: fitting, left: wanted, lotMin: facts.lotMin });
        const units = lot + trimmed >= facts.lotMin && trimmed > 0 ? trimmed : fitting;
        if (units <= 0 || lot + units < facts.lotMin) continue;
        const need = units * minutesPerUnit - free;
        if (need <= 1e-6) continue; // fits without displacing: the direct fill handles it
        // Displacing removes at least one unit (priority at least 1): no better than `best` here.
        if (best && units * priority - 1 <= best.gain) continue;
        this.sortVictims();
        const gain = units * priority - this.removeFor({ w, t, need, removals: null });
        if (gain > EPSILON && (!best || gain > best.gain)) best = { w, t, units, gain, need };
      }
    }
    if (!best) return false;
    // The victims of the best workshop-week, found again (cheaper than keeping every candidate's).
    victims.length = 0;
    for (const k of ledger.lotsAt(best.w, best.t).keys())
      if (rank[k] > rank[j] && ledger.movable(k, best.w, best.t) > 0) victims.push(k);
    this.sortVictims();
    const removals: Array<{ job: number; units: number }> = [];
    this.removeFor({ w: best.w, t: best.t, need: best.need, removals });
    for (const removal of removals) ledger.take(removal.job, best.w, best.t, removal.units);
    ledger.add(j, best.w, best.t, best.units);
    return true;
  }

  /** Orders `victims` least valuable minute first, the latest in the service order first on ties. */
  private sortVictims(): void {
    const { victims, rank } = this;
    const jobs = this.ledger.instance.jobs;
    // Insertion sort: a workshop-week holds a handful of lots.
    for (let i = 1; i < victims.length; i++) {
      const k = victims[i];
      let at = i;
      while (at > 0) {
        const other = victims[at - 1];
        const order = jobs[other].valuePerMinute - jobs[k].valuePerMinute || rank[k] - rank[other];
        if (order <= 0) break;
        victims[at] = other;
        at -= 1;
      }
      victims[at] = k;
    }
  }

  /**
   * The priority-weighted units lost by freeing `need` minutes in workshop w, week t, from the
   * sorted `victims`; lists what to take out in `removals` when given.
   */
  private removeFor({
    w,
    t,
    need,
    removals,
  }: {
    w: number;
    t: number;
    need: number;
    removals: Array<{ job: number; units: number }> | null;
  }): number {
    const { ledger, victims } = this;
    const jobs = ledger.instance.jobs;
    let left = need;
    let loss = 0;
    for (const k of victims) {
      if (left <= 1e-6) break;
      const victim = jobs[k];
      const lot = ledger.lot(k, w, t);
      const movable = ledger.movable(k, w, t);
      const enough = Math.ceil((left - 1e-6) / victim.job.minutesPerUnit);
      // Take what is needed if the rest stays a lot, else everything that is not pinned.
      const take = enough < movable && lot - enough >= victim.lotMin ? enough : movable;
      removals?.push({ job: k, units: take });
      left -= take * victim.job.minutesPerUnit;
      loss += take * victim.job.priority;
    }
    return loss;
  }
}
