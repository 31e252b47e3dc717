import { type PlacementLedger } from './placement-ledger';

// Evens out earnings per usable capacity-minute across eligible workshops by moving placed units
// (never unplacing any, so fulfilment is untouched): repeatedly lift the least-paid workshop with
// work from a better-paid one, and relieve the best-paid one towards a worse-paid one. A move is
// kept only if neither workshop ends beyond the extreme it was fixing. Moves may split a job
// further (within maxSplit): balance ranks above fewer splits. It stops once the spread is within
// TARGET_SPREAD, when no move helps, or at the time limit.

const TARGET_SPREAD = 1.02;

/**
 * Partners are tried best first. A few more after the first that works are enough in practice,
 * and a workshop none of the best-placed partners can help is set aside rather than searched to
 * the end (that search is what would cost time on a saturated network).
 */
const PARTNERS_AFTER_FIRST_FIT = 2;
const PARTNERS_TRIED = 40;
/** Smallest worthwhile move: it must shift the extreme's rate by this share (no churn for crumbs). */
const MIN_GAIN = 0.002;

interface Move {
  job: number;
  from: number;
  fromWeek: number;
  to: number;
  toWeek: number;
  units: number;
  /** Higher is better: how far the move pushes the extreme being fixed. */
  score: number;
}

export function rebalanceEarnings({
  ledger,
  isCancelled,
}: {
  ledger: PlacementLedger;
  isCancelled: () => boolean;
}): boolean {
  const { usableMinutes: usable, workshops, pools, poolOfWorkshop, jobs } = ledger.instance;
  const rates = new Float64Array(workshops.length);
  const active = workshops.map((_, w) => w).filter((w) => usable[w] > 0);
  if (active.length < 2) return true;
  for (const w of active) rates[w] = ledger.earned(w) / usable[w];
  const poolsShareSkill = pools.map((p) => pools.map((q) => p.skills.some((s) => q.skills.includes(s))));
  const shareSkill = (a: number, b: number) => poolsShareSkill[poolOfWorkshop[a]][poolOfWorkshop[b]];
  const smallestUnit = Math.min(...jobs.map((facts) => facts.job.minutesPerUnit));
  const hasRoom = (w: number) => workshops[w].capacityMinutes.some((_, t) => ledger.free(w, t) + 1e-6 >= smallestUnit);
  const partnersOf = (fixed: number, candidates: Iterable<number>, needRoom: boolean) => {
    const partners: number[] = [];
    for (const w of candidates) {
      if (partners.length >= PARTNERS_TRIED) break;
      if (w !== fixed && shareSkill(fixed, w) && (!needRoom || hasRoom(w))) partners.push(w);
    }
    return partners;
  };

  const maxMoves = 20 * active.length;
  // Kept sorted by rate: a move changes two rates, so two workshops are moved within the order
  // instead of sorting thousands of workshops for every move.
  const byRate = (a: number, b: number) => rates[a] - rates[b] || a - b;
  active.sort(byRate);
  for (let moves = 0; moves < maxMoves && active.length >= 2;) {
    if (isCancelled()) return false;
    const lowest = active[0];
    const highest = active[active.length - 1];
    if (rates[lowest] > 0 && rates[highest] / rates[lowest] <= TARGET_SPREAD) break;
    const context = { ledger, rates, usable };
    const lift = () =>
      hasRoom(lowest)
        ? findMove({ ...context, receiver: lowest, partners: partnersOf(lowest, [...active].reverse(), false) })
        : null;
    const relieve = () => findMove({ ...context, donor: highest, partners: partnersOf(highest, active, true) });
    // Work on the extreme furthest from the mean first.
    const mean = active.reduce((sum, w) => sum + rates[w], 0) / active.length;
    const move = mean - rates[lowest] >= rates[highest] - mean ? (lift() ?? relieve()) : (relieve() ?? lift());
    if (!move) {
      // Neither extreme can be helped now: set both aside for good and work on the next ones in.
      active.pop();
      active.shift();
      continue;
    }
    removeSorted(active, move.from, byRate);
    removeSorted(active, move.to, byRate);
    ledger.take(move.job, move.from, move.fromWeek, move.units);
    ledger.add(move.job, move.to, move.toWeek, move.units);
    rates[move.from] = ledger.earned(move.from) / usable[move.from];
    rates[move.to] = ledger.earned(move.to) / usable[move.to];
    insertSorted(active, move.from, byRate);
    insertSorted(active, move.to, byRate);
    moves += 1;
  }
  return true;
}

/** Index of the first element of the sorted `list` not before `item`. */
function lowerBound(list: number[], item: number, compare: (a: number, b: number) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle], item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeSorted(list: number[], item: number, compare: (a: number, b: number) => number): void {
  const at = lowerBound(list, item, compare);
  if (list[at] === item) list.splice(at, 1);
}

function insertSorted(list: number[], item: number, compare: (a: number, b: number) => number): void {
  list.splice(lowerBound(list, item, compare), 0, item);
}

/** The best move between one fixed workshop (receiver or donor) and its partners. */
function findMove({
  ledger,
  rates,
  usable,
  receiver,
  donor,
  partners,
}: {
  ledger: PlacementLedger;
  rates: Float64Array;
  usable: number[];
  receiver?: number;
  donor?: number;
  partners: number[];
}): Move | null {
  const lifting = receiver !== undefined;
  let best: Move | null = null;
  let partnersLeft = partners.length;
  for (const partner of partners) {
    const from = lifting ? partner : donor!;
    const to = lifting ? receiver : partner;
    if (rates[from] <= rates[to] || partnersLeft-- <= 0) break;
    for (let fromWeek = 0; fromWeek < ledger.instance.weeks; fromWeek++) {
      for (const job of ledger.lotsAt(from, fromWeek).keys()) {
        const { window, job: spec } = ledger.instance.jobs[job];
        for (let toWeek = window!.first; toWeek <= window!.last; toWeek++) {
          // NOTE: checked here as well as in chooseUnits, to skip the call on full weeks (most of them).
          if (ledger.free(to, toWeek) + 1e-6 < spec.minutesPerUnit) continue;
          const units = chooseUnits({ ledger, job, from, fromWeek, to, toWeek, rates, usable });
          if (units === 0) continue;
          const cents = units * ledger.instance.jobs[job].job.pieceRateCents;
          const fromAfter = (ledger.earned(from) - cents) / usable[from];
          const toAfter = (ledger.earned(to) + cents) / usable[to];
          // Lifting the lowest: both must end above where the lowest was. Relieving the highest:
          // both must end below where the highest was.
          const score = lifting ? Math.min(fromAfter, toAfter) - rates[to] : rates[from] - Math.max(fromAfter, toAfter);
          if (score > MIN_GAIN * rates[lifting ? to : from] && (!best || score > best.score + 1e-12)) {
            if (!best) partnersLeft = Math.min(partnersLeft, PARTNERS_AFTER_FIRST_FIT);
            best = { job, from, fromWeek, to, toWeek, units, score };
          }
        }
      }
    }
  }
  return best;
}

/** Units of `job` to move so the two rates meet, within lot, split and room rules (0 if none). */
function chooseUnits({
  ledger,
  job,
  from,
  fromWeek,
  to,
  toWeek,
  rates,
  usable,
}: {
  ledger: PlacementLedger;
  job: number;
  from: number;
  fromWeek: number;
  to: number;
  toWeek: number;
  rates: Float64Array;
  usable: number[];
}): number {
  const { job: spec, lotMin, maxSplit } = ledger.instance.jobs[job];
  // Room first: it is the cheapest check and the one that fails most on a busy network.
  const room = Math.floor((ledger.free(to, toWeek) + 1e-6) / spec.minutesPerUnit);
  if (room <= 0 || !ledger.eligible(job, to, toWeek)) return 0;
  const lot = ledger.lot(job, from, fromWeek);
  const pinned = ledger.pinned(job, from, fromWeek);
  const movable = lot - pinned;
  if (movable <= 0) return 0;
  const receiverLot = ledger.lot(job, to, toWeek);
  const newHolder = ledger.holds(job, to) ? 0 : 1;
  const leavesIfWhole = pinned === 0 && ledger.lotCountIn(job, from) === 1 ? 1 : 0;
  const meetingCents = (rates[from] - rates[to]) / (1 / usable[from] + 1 / usable[to]);
  const ideal = Math.max(1, Math.round(meetingCents / Math.max(spec.pieceRateCents, 1)));
  // A part of the lot (what stays must still be a lot), at least a lot for the receiver; or all of
  // it that is not pinned.
  const partial = Math.max(Math.min(ideal, lot - lotMin, room), lotMin - receiverLot, 1);
  if (
    partial < movable &&
    lot - partial >= lotMin &&
    partial <= room &&
    ledger.splitCount(job) + newHolder <= maxSplit
  ) {
    return partial;
  }
  const wholeFits =
    movable <= room &&
    receiverLot + movable >= lotMin &&
    ledger.splitCount(job) + newHolder - leavesIfWhole <= maxSplit;
  return wholeFits ? movable : 0;
}
