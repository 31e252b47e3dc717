import { type PlacementLedger } from './placement-ledger';

// The moves the rebalancing stage weighs: units of one job from a better-paid workshop-week to a
// worse-paid one, within lot, split and room rules, sized so the two rates meet.

/** A few more partners after the first that offers a move are enough in practice. */
const PARTNERS_AFTER_FIRST_FIT = 2;
/** Smallest worthwhile move: it must shift the extreme's rate by this share (no churn for crumbs). */
const MIN_GAIN = 0.002;

export interface Move {
  job: number;
  from: number;
  fromWeek: number;
  to: number;
  toWeek: number;
  units: number;
  /** Higher is better: how far the move pushes the extreme being fixed. */
  score: number;
}

/** The best move between one fixed workshop (receiver or donor) and its partners. */
export function findMove({
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
  const { instance } = ledger;
  const { weeks, jobs, hasSkill } = instance;
  const skillCount = instance.skills.length;
  let best: Move | null = null;
  let partnersLeft = partners.length;
  // The receiving workshop's room per week (plus the fit tolerance), read once per receiver.
  const roomTo = new Float64Array(weeks);
  let largestRoom = 0;
  for (const partner of partners) {
    const from = lifting ? partner : donor!;
    const to = lifting ? receiver : partner;
    if (rates[from] <= rates[to] || partnersLeft-- <= 0) break;
    if (!lifting || partner === partners[0]) {
      largestRoom = 0;
      for (let t = 0; t < weeks; t++) largestRoom = Math.max(largestRoom, (roomTo[t] = ledger.free(to, t) + 1e-6));
    }
    for (let fromWeek = 0; fromWeek < weeks; fromWeek++) {
      for (const job of ledger.lotsAt(from, fromWeek).keys()) {
        const facts = jobs[job];
        const minutesPerUnit = facts.job.minutesPerUnit;
        // Most lots are ruled out here, without a look at their weeks: no room or no skill.
        if (minutesPerUnit > largestRoom || hasSkill[to * skillCount + facts.skill] !== 1) continue;
        const window = facts.window!;
        for (let toWeek = window.first; toWeek <= window.last; toWeek++) {
          if (roomTo[toWeek] < minutesPerUnit) continue;
          const units = chooseUnits({ ledger, job, from, fromWeek, to, toWeek, rates, usable });
          if (units === 0) continue;
          const cents = units * facts.job.pieceRateCents;
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
