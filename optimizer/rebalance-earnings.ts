import { type PlacementLedger } from './placement-ledger';
import { findMove } from './rebalance-moves';

// Evens out earnings per usable capacity-minute across eligible workshops by moving placed units
// (never unplacing any, so fulfilment is untouched): repeatedly lift the least-paid workshop with
// work from a better-paid one, and relieve the best-paid one towards a worse-paid one. A move is
// kept only if neither workshop ends beyond the extreme it was fixing. Moves may split a job
// further (within maxSplit): balance ranks above fewer splits. It stops once the spread is within
// TARGET_SPREAD, when no move helps, or at the time limit.

const TARGET_SPREAD = 1.02;

/**
 * Partners are tried best first; a workshop none of the best-placed partners can help is set
 * aside rather than searched to the end (that search is what would cost time on a saturated
 * network). findMove tries only a few more after the first that works.
 */
const PARTNERS_TRIED = 24;

export function rebalanceEarnings({
  ledger,
  isCancelled,
}: {
  ledger: PlacementLedger;
  isCancelled: () => boolean;
}): boolean {
  const { usableMinutes: usable, workshops, pools, poolOfWorkshop, jobs, weeks } = ledger.instance;
  const rates = new Float64Array(workshops.length);
  const active = workshops.map((_, w) => w).filter((w) => usable[w] > 0);
  if (active.length < 2) return true;
  for (const w of active) rates[w] = ledger.earned(w) / usable[w];
  const poolsShareSkill = pools.map((p) => pools.map((q) => p.skills.some((s) => q.skills.includes(s))));
  const shareSkill = (a: number, b: number) => poolsShareSkill[poolOfWorkshop[a]][poolOfWorkshop[b]];
  const smallestUnit = Math.min(...jobs.map((facts) => facts.job.minutesPerUnit));
  const hasRoom = (w: number) => {
    for (let t = 0; t < weeks; t++) if (ledger.free(w, t) + 1e-6 >= smallestUnit) return true;
    return false;
  };
  /** Up to PARTNERS_TRIED workshops sharing a skill with `fixed`, lowest rate first or (`fromTop`) highest. */
  const partnersOf = (fixed: number, fromTop: boolean, needRoom: boolean) => {
    const partners: number[] = [];
    for (let i = 0; i < active.length && partners.length < PARTNERS_TRIED; i++) {
      const w = active[fromTop ? active.length - 1 - i : i];
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
      hasRoom(lowest) ? findMove({ ...context, receiver: lowest, partners: partnersOf(lowest, true, false) }) : null;
    const relieve = () => findMove({ ...context, donor: highest, partners: partnersOf(highest, false, true) });
    // Work on the extreme furthest from the mean first.
    let total = 0;
    for (const w of active) total += rates[w];
    const mean = total / active.length;
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
