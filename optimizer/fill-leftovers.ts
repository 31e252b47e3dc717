import { rateAfter } from './assign-workshops';
import { placeByDisplacing } from './displace-lower-value';
import { keepRemainderPlaceable, type PlacementLedger } from './placement-ledger';

// Whatever rounding, lots or splits left over, and whatever the aggregate could not serve, is
// offered the capacity still free, most valuable minute first. A job takes the workshop-week
// where the most of its units fit (fewest new lots), preferring workshops it is already in and
// then the least-paid. When nothing fits as it stands, less valuable work may be displaced. A job
// stops only when no rule-abiding placement is left, which is what lets the explanation stage say
// precisely why the rest stays unplaced.

export function fillLeftovers({
  ledger,
  serviceOrder,
  isCancelled,
}: {
  ledger: PlacementLedger;
  serviceOrder: number[];
  isCancelled: () => boolean;
}): boolean {
  const instance = ledger.instance;
  const rank = new Int32Array(instance.jobs.length).fill(instance.jobs.length);
  serviceOrder.forEach((j, position) => (rank[j] = position));
  for (const j of serviceOrder) {
    if (isCancelled()) return false;
    const facts = instance.jobs[j];
    const window = facts.window;
    if (!window) continue;
    const candidates = instance.workshopsBySkill[facts.skill];
    const minutesPerUnit = facts.job.minutesPerUnit;
    const largestRoom = new Float64Array(window.last + 1);
    while (ledger.unplaced(j) > 0) {
      let best: { w: number; t: number; units: number; holder: boolean; rate: number } | null = null;
      let mayFit = false;
      for (let t = window.first; t <= window.last; t++) mayFit ||= ledger.mayHaveRoom(facts.skill, t, minutesPerUnit);
      largestRoom.fill(0);
      for (const w of mayFit ? candidates : []) {
        let holder: boolean | null = null;
        let rate = 0;
        for (let t = window.first; t <= window.last; t++) {
          const free = ledger.free(w, t);
          if (free > largestRoom[t]) largestRoom[t] = free;
          if (free + 1e-6 < minutesPerUnit) continue;
          const fitting = ledger.canAdd(j, w, t);
          if (fitting === 0) continue;
          if (holder === null) [holder, rate] = [ledger.holds(j, w), rateAfter({ ledger, w, extraCents: 0 })];
          // Prefer a trim that leaves a placeable remainder, but take what fits if no trim is valid.
          const trimmed = keepRemainderPlaceable({ units: fitting, left: ledger.unplaced(j), lotMin: facts.lotMin });
          const units = trimmed > 0 && ledger.canAdd(j, w, t, trimmed) === trimmed ? trimmed : fitting;
          const better =
            !best ||
            units > best.units ||
            (units === best.units && (holder !== best.holder ? holder : rate < best.rate));
          if (better) best = { w, t, units, holder, rate };
        }
      }
      if (mayFit)
        for (let t = window.first; t <= window.last; t++) ledger.noteLargestRoom(facts.skill, t, largestRoom[t]);
      if (best) ledger.add(j, best.w, best.t, best.units);
      else if (!placeByDisplacing({ ledger, job: j, rank })) break;
    }
  }
  return true;
}
