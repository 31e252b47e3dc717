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
/** Numbers per lot in Displacer's lotsByVictimOrder. */
const LOT_FIELDS = 4;

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
  /**
   * Per workshop-week, its lots that may be taken out, in the order they would be (least valuable
   * minute first, the latest in the service order first on ties), as [job, rank, movable minutes,
   * value per minute, …]: made when first needed, dropped when a displacement takes from it. Nothing else changes
   * what matters here during the fill: the lots it adds are the current job's, never later than a
   * job still to come. So each workshop-week is sorted once, not on every look.
   */
  private readonly lotsByVictimOrder: Array<number[] | undefined>;

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
    this.lotsByVictimOrder = new Array(workshops.length * weeks);
  }

  private victimOrder(w: number, t: number): number[] {
    const cell = w * this.ledger.instance.weeks + t;
    const cached = this.lotsByVictimOrder[cell];
    if (cached) return cached;
    const { ledger, rank } = this;
    const jobs = ledger.instance.jobs;
    const lots = [...ledger.lotsAt(w, t).keys()].filter((k) => ledger.movable(k, w, t) > 0);
    lots.sort((a, b) => jobs[a].valuePerMinute - jobs[b].valuePerMinute || rank[b] - rank[a]);
    const entries = lots.flatMap((k) => [
      k,
      rank[k],
      ledger.movable(k, w, t) * jobs[k].job.minutesPerUnit,
      jobs[k].valuePerMinute,
    ]);
    this.lotsByVictimOrder[cell] = entries;
    return entries;
  }

  /**
   * Forgets what it knew of workshop w, week t, after another stage (the relocator) changed its
   * lots, which may now include work later in the service order than the current job.
   */
  forget(w: number, t: number): void {
    const cell = w * this.ledger.instance.weeks + t;
    this.lotsByVictimOrder[cell] = undefined;
    for (const k of this.ledger.lotsAt(w, t).keys()) {
      this.latestRank[cell] = Math.max(this.latestRank[cell], this.rank[k]);
    }
  }

  /** Places some of job j's leftover by displacing less valuable work; false when nothing helps. */
  place(j: number): boolean {
    const { ledger, rank } = this;
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
        const lots = this.victimOrder(w, t);
        let cheapest = Number.POSITIVE_INFINITY; // value per minute of the first lot that would go
        for (let i = 0; i < lots.length; i += LOT_FIELDS) {
          if (lots[i + 1] <= rank[j]) continue;
          freeable += lots[i + 2];
          cheapest = Math.min(cheapest, lots[i + 3]);
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
        // Every minute freed loses at least the cheapest lot's value per minute: when even that
        // cannot beat the best so far, the exact loss need not be worked out.
        const mostGain = units * priority - need * cheapest;
        if (mostGain <= (best ? best.gain : EPSILON) - 1e-9) continue;
        const gain = units * priority - this.removeFor({ job: j, w, t, need, removals: null });
        if (gain > EPSILON && (!best || gain > best.gain)) best = { w, t, units, gain, need };
      }
    }
    if (!best) return false;
    const removals: Array<{ job: number; units: number }> = [];
    this.removeFor({ job: j, w: best.w, t: best.t, need: best.need, removals });
    this.lotsByVictimOrder[best.w * instance.weeks + best.t] = undefined;
    for (const removal of removals) ledger.take(removal.job, best.w, best.t, removal.units);
    ledger.add(j, best.w, best.t, best.units);
    return true;
  }

  /**
   * The priority-weighted units lost by freeing `need` minutes in workshop w, week t, for job j
   * (only work later in the service order goes); lists what to take out in `removals` when given.
   */
  private removeFor({
    job: j,
    w,
    t,
    need,
    removals,
  }: {
    job: number;
    w: number;
    t: number;
    need: number;
    removals: Array<{ job: number; units: number }> | null;
  }): number {
    const { ledger, rank } = this;
    const jobs = ledger.instance.jobs;
    const lots = this.victimOrder(w, t);
    let left = need;
    let loss = 0;
    for (let i = 0; i < lots.length && left > 1e-6; i += LOT_FIELDS) {
      if (lots[i + 1] <= rank[j]) continue;
      const k = lots[i];
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
