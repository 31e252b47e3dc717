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
  removals: Array<{ job: number; units: number }>;
}

const EPSILON = 1e-9;

export function placeByDisplacing({
  ledger,
  job: j,
  rank,
}: {
  ledger: PlacementLedger;
  job: number;
  /** Position of every job in the service order. */
  rank: Int32Array;
}): boolean {
  const instance = ledger.instance;
  const facts = instance.jobs[j];
  const window = facts.window;
  const wanted = ledger.unplaced(j);
  if (!window || wanted <= 0) return false;
  const minutesPerUnit = facts.job.minutesPerUnit;
  let best: Displacement | null = null;

  for (const w of instance.workshopsBySkill[facts.skill]) {
    if (facts.forbidden?.has(w)) continue;
    if (!ledger.holds(j, w) && ledger.splitCount(j) >= facts.maxSplit) continue;
    for (let t = window.first; t <= window.last; t++) {
      // Measure what could be freed before building anything: most cells hold nothing to displace.
      const free = ledger.free(w, t);
      let freeable = free;
      for (const [k, units] of ledger.lotsAt(w, t))
        if (rank[k] > rank[j]) freeable += (units - ledger.pinned(k, w, t)) * instance.jobs[k].job.minutesPerUnit;
      if (freeable - free <= 1e-6) continue;
      const fitting = Math.min(wanted, Math.floor((freeable + 1e-6) / minutesPerUnit));
      if (fitting <= 0 || ledger.lot(j, w, t) + fitting < facts.lotMin) continue;
      const victims = [...ledger.lotsAt(w, t).keys()]
        .filter((k) => rank[k] > rank[j] && ledger.movable(k, w, t) > 0)
        .sort((a, b) => instance.jobs[a].valuePerMinute - instance.jobs[b].valuePerMinute || rank[b] - rank[a]);
      const trimmed = keepRemainderPlaceable({ units: fitting, left: wanted, lotMin: facts.lotMin });
      const units = ledger.lot(j, w, t) + trimmed >= facts.lotMin && trimmed > 0 ? trimmed : fitting;
      if (units <= 0 || ledger.lot(j, w, t) + units < facts.lotMin) continue;
      let need = units * minutesPerUnit - free;
      if (need <= 1e-6) continue; // fits without displacing: the direct fill handles it
      let loss = 0;
      const removals: Displacement['removals'] = [];
      for (const k of victims) {
        if (need <= 1e-6) break;
        const victim = instance.jobs[k];
        const lot = ledger.lot(k, w, t);
        const movable = ledger.movable(k, w, t);
        const enough = Math.ceil((need - 1e-6) / victim.job.minutesPerUnit);
        // Take what is needed if the rest stays a lot, else everything that is not pinned.
        const take = enough < movable && lot - enough >= victim.lotMin ? enough : movable;
        removals.push({ job: k, units: take });
        need -= take * victim.job.minutesPerUnit;
        loss += take * victim.job.priority;
      }
      const gain = units * facts.job.priority - loss;
      if (gain > EPSILON && (!best || gain > best.gain)) best = { w, t, units, gain, removals };
    }
  }
  if (!best) return false;
  for (const removal of best.removals) ledger.take(removal.job, best.w, best.t, removal.units);
  ledger.add(j, best.w, best.t, best.units);
  return true;
}
