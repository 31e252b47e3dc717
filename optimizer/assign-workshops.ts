import { keepRemainderPlaceable, type PlacementLedger } from './placement-ledger';
import { type PlanningInstance } from './planning-instance';
import { type PoolBundle } from './split-class-work';

// Gives each pool's job bundles to the pool's workshops. Biggest bundles first (they are the
// hardest to fit); a bundle goes whole to one workshop when one can take it, choosing the
// workshop whose earnings per usable minute would be lowest afterwards (largest-first to the
// least-paid is the classic way to even out totals). Otherwise a job with a split limit goes to
// the workshops with the most room over its allowed weeks (so the limit costs as little as
// possible), and any other job's weekly pieces go to one workshop each, split across the
// roomiest only when no workshop can hold a piece.

export function assignPoolBundles({
  ledger,
  bundles,
  pool,
}: {
  ledger: PlacementLedger;
  bundles: PoolBundle[];
  pool: number;
}): void {
  const instance = ledger.instance;
  const workshops = instance.pools[pool].workshops;
  const minutes = new Map(bundles.map((bundle) => [bundle, bundleMinutes(instance, bundle)]));
  const ordered = [...bundles].sort((a, b) => minutes.get(b)! - minutes.get(a)! || a.job - b.job);
  for (const bundle of ordered) {
    const whole = pickWorkshop({ ledger, candidates: workshops, bundle });
    if (whole >= 0) {
      bundle.units.forEach((units, t) => units > 0 && ledger.add(bundle.job, whole, t, units));
      continue;
    }
    if (Number.isFinite(instance.jobs[bundle.job].maxSplit)) {
      placeInRoomiestWorkshops({ ledger, workshops, bundle });
      continue;
    }
    bundle.units.forEach((units, t) => {
      if (units > 0) placeWeekPiece({ ledger, workshops, job: bundle.job, week: t, units });
    });
  }
}

/** Fills the workshops with the most free minutes in the job's weeks, its planned weeks first. */
function placeInRoomiestWorkshops({
  ledger,
  workshops,
  bundle,
}: {
  ledger: PlacementLedger;
  workshops: number[];
  bundle: PoolBundle;
}): void {
  const { window, lotMin } = ledger.instance.jobs[bundle.job];
  const weeks: number[] = [];
  for (let t = window!.first; t <= window!.last; t++) weeks.push(t);
  weeks.sort((a, b) => bundle.units[b] - bundle.units[a] || a - b);
  let left = bundle.units.reduce((sum, units) => sum + units, 0);
  const place = (w: number) => {
    for (const t of weeks) {
      if (left === 0) return;
      const fits = keepRemainderPlaceable({ units: ledger.canAdd(bundle.job, w, t, left), left, lotMin });
      if (fits > 0 && ledger.canAdd(bundle.job, w, t, fits) === fits) {
        ledger.add(bundle.job, w, t, fits);
        left -= fits;
      }
    }
  };
  // Current holders first, then the roomiest over the job's weeks. Only workshops with room for a
  // unit in one of those weeks can take any, and a few usually take it all, so the order is made
  // only as far as it is used.
  const candidates = withRoomFor({ ledger, workshops, job: bundle.job, weeks, units: 1 });
  const room = candidates.map((w) => {
    const free = weeks.reduce((sum, t) => sum + ledger.free(w, t), 0);
    return ledger.holds(bundle.job, w) ? HOLDER_FIRST + free : free;
  });
  visitLargestFirst(room, (i) => {
    place(candidates[i]);
    return left > 0;
  });
}

/**
 * The workshops of a pool that hold the job or have room for `units` of it in one of `weeks`, in
 * ascending order: all that can take any of it.
 */
function withRoomFor({
  ledger,
  workshops,
  job,
  weeks,
  units,
}: {
  ledger: PlacementLedger;
  workshops: number[];
  job: number;
  weeks: readonly number[];
  units: number;
}): number[] {
  const minutes = units * ledger.instance.jobs[job].job.minutesPerUnit - 1e-6;
  return workshops.filter((w) => ledger.holds(job, w) || weeks.some((t) => ledger.free(w, t) >= minutes));
}

/**
 * Visits the indexes of `keys` from the largest key down (ties: lower index first) while `visit`
 * returns true. Picks the next one by a scan for the first few, since most visits stop there, and
 * sorts what is left only when a visit goes on longer.
 */
function visitLargestFirst(keys: readonly number[], visit: (i: number) => boolean): void {
  const done = new Uint8Array(keys.length);
  for (let picked = 0; picked < Math.min(SCANNED_PICKS, keys.length); picked++) {
    let next = -1;
    for (let i = 0; i < keys.length; i++) if (!done[i] && (next < 0 || keys[i] > keys[next])) next = i;
    done[next] = 1;
    if (!visit(next)) return;
  }
  const rest = keys.map((_, i) => i).filter((i) => !done[i]);
  rest.sort((a, b) => keys[b] - keys[a] || a - b);
  for (const i of rest) if (!visit(i)) return;
}

/** Picks made by scanning before visitLargestFirst sorts the rest. */
const SCANNED_PICKS = 4;

/** Added to a holder's room so that holders sort before any other workshop. */
const HOLDER_FIRST = 1e12;

/** Earnings per usable capacity-minute of workshop w if it also earned `extraCents`. */
export function rateAfter({
  ledger,
  w,
  extraCents,
}: {
  ledger: PlacementLedger;
  w: number;
  extraCents: number;
}): number {
  return (ledger.earned(w) + extraCents) / Math.max(ledger.instance.usableMinutes[w], 1);
}

function bundleMinutes(instance: PlanningInstance, bundle: PoolBundle): number {
  return bundle.units.reduce((sum, units) => sum + units, 0) * instance.jobs[bundle.job].job.minutesPerUnit;
}

function pickWorkshop({
  ledger,
  candidates,
  bundle,
}: {
  ledger: PlacementLedger;
  candidates: number[];
  bundle: PoolBundle;
}): number {
  const job = ledger.instance.jobs[bundle.job].job;
  const weeks = bundle.units.length;
  let totalUnits = 0;
  for (let t = 0; t < weeks; t++) totalUnits += bundle.units[t];
  const cents = totalUnits * job.pieceRateCents;
  let best = -1;
  let bestRate = Number.POSITIVE_INFINITY;
  // NOTE: plain loops, no closures: this runs for every bundle over every workshop of its pool.
  for (const w of candidates) {
    const rate = rateAfter({ ledger, w, extraCents: cents });
    if (rate >= bestRate) continue;
    let fits = true;
    for (let t = 0; t < weeks && fits; t++) {
      const units = bundle.units[t];
      if (units === 0) continue;
      fits = ledger.free(w, t) + 1e-6 >= units * job.minutesPerUnit && ledger.canAdd(bundle.job, w, t, units) === units;
    }
    if (fits) [best, bestRate] = [w, rate];
  }
  return best;
}

function placeWeekPiece({
  ledger,
  workshops,
  job,
  week,
  units,
}: {
  ledger: PlacementLedger;
  workshops: number[];
  job: number;
  week: number;
  units: number;
}): void {
  const bundle = { job, units: unitsIn(ledger, week, units) };
  const holders = workshops.filter((w) => ledger.holds(job, w));
  const holder = pickWorkshop({ ledger, candidates: holders, bundle });
  const single =
    holder >= 0
      ? holder
      : pickWorkshop({ ledger, candidates: withRoomFor({ ledger, workshops, job, weeks: [week], units }), bundle });
  if (single >= 0) {
    ledger.add(job, single, week, units);
    return;
  }
  // No single workshop can take it: split over the roomiest, current holders first.
  const roomiest = withRoomFor({ ledger, workshops, job, weeks: [week], units: 1 });
  const room = roomiest.map((w) => (ledger.holds(job, w) ? HOLDER_FIRST : 0) + ledger.free(w, week));
  const lotMin = ledger.instance.jobs[job].lotMin;
  let left = units;
  visitLargestFirst(room, (i) => {
    const w = roomiest[i];
    const fits = keepRemainderPlaceable({ units: ledger.canAdd(job, w, week, left), left, lotMin });
    if (fits > 0 && ledger.canAdd(job, w, week, fits) === fits) {
      ledger.add(job, w, week, fits);
      left -= fits;
    }
    return left > 0;
  });
}

function unitsIn(ledger: PlacementLedger, week: number, units: number): number[] {
  const perWeek = new Array<number>(ledger.instance.weeks).fill(0);
  perWeek[week] = units;
  return perWeek;
}
