import { rateAfter } from './assign-workshops';
import { Displacer } from './displace-lower-value';
import { keepRemainderPlaceable, type PlacementLedger } from './placement-ledger';
import { Relocator } from './relocate-for-room';

// Whatever rounding, lots or splits left over, and whatever the aggregate could not serve, is
// offered the capacity still free, most valuable minute first. A job takes the workshop-week
// where the most of its units fit (fewest new lots), preferring workshops it is already in and
// then the least-paid. When nothing fits as it stands, other work may move out of its way to room
// elsewhere (with `relocate`: the incremental re-plan), or less valuable work be displaced. A job
// stops only when no rule-abiding placement is left, which is what lets the explanation stage say
// precisely why the rest stays unplaced.

export function fillLeftovers({
  ledger,
  serviceOrder,
  isCancelled,
  relocate = false,
}: {
  ledger: PlacementLedger;
  serviceOrder: number[];
  isCancelled: () => boolean;
  relocate?: boolean;
}): boolean {
  const instance = ledger.instance;
  const displacer = new Displacer({ ledger, serviceOrder });
  const relocator = relocate ? new Relocator({ ledger, onChange: (w, t) => displacer.forget(w, t) }) : null;
  for (const j of serviceOrder) {
    if (isCancelled()) return false;
    const facts = instance.jobs[j];
    const window = facts.window;
    if (!window) continue;
    const minutesPerUnit = facts.job.minutesPerUnit;
    while (ledger.unplaced(j) > 0) {
      // The best spot so far: most units, then a workshop the job is in, then the least-paid, then
      // the lowest workshop and week (so the search order cannot change the plan).
      let [bestW, bestT, bestUnits, bestHolder, bestRate] = [-1, -1, 0, false, 0];
      const consider = (w: number, t: number) => {
        const fitting = ledger.canAdd(j, w, t);
        if (fitting === 0) return;
        // Prefer a trim that leaves a placeable remainder, but take what fits if no trim is valid.
        const trimmed = keepRemainderPlaceable({ units: fitting, left: ledger.unplaced(j), lotMin: facts.lotMin });
        const units = trimmed > 0 && ledger.canAdd(j, w, t, trimmed) === trimmed ? trimmed : fitting;
        if (units < bestUnits) return;
        const holder = ledger.holds(j, w);
        const rate = rateAfter({ ledger, w, extraCents: 0 });
        const better =
          bestW < 0 ||
          units > bestUnits ||
          (holder !== bestHolder
            ? holder
            : rate < bestRate || (rate === bestRate && (w < bestW || (w === bestW && t < bestT))));
        if (better) [bestW, bestT, bestUnits, bestHolder, bestRate] = [w, t, units, holder, rate];
      };
      if (ledger.splitCount(j) >= facts.maxSplit) {
        // Only the workshops it is in may take more: no need to look anywhere else.
        for (const w of ledger.holders(j)) for (let t = window.first; t <= window.last; t++) consider(w, t);
      } else {
        // Only workshop-weeks with room for at least as many units as the best so far can beat it.
        const roomNeeded = () => Math.max(1, bestUnits) * minutesPerUnit;
        for (let t = window.first; t <= window.last; t++) {
          ledger.visitRoom(facts.skill, t, roomNeeded(), (w) => {
            consider(w, t);
            return roomNeeded();
          });
        }
      }
      if (bestW >= 0) ledger.add(j, bestW, bestT, bestUnits);
      else if (!relocator?.place(j) && !displacer.place(j)) break;
    }
  }
  return true;
}
