import { formatDay, parseDay, weekEndDay, weekLabel, weekRangeLabel } from './calendar';
import { type PlacementLedger } from './placement-ledger';
import { type Unplaced } from './types';

// Says, for every job with units left out, which rule stands in the way and what would fix it.
// The fill stage stops only when no rule-abiding placement is left, so: if a unit still fits
// somewhere by minutes alone, lots or splits are what block it; otherwise capacity is.

export function explainUnplaced(ledger: PlacementLedger): Unplaced[] {
  const instance = ledger.instance;
  const largest = findLargestCapacity(ledger);
  const unplaced: Unplaced[] = [];
  instance.jobs.forEach((facts, j) => {
    const quantity = ledger.unplaced(j);
    if (quantity <= 0) return;
    unplaced.push({ jobId: facts.job.id, quantity, ...findReason({ ledger, job: j, quantity, largest }) });
  });
  return unplaced;
}

interface Spot {
  w: number;
  t: number;
  units: number;
}

/** Per skill and week (s * weeks + t): the largest capacity of a workshop with the skill, and the first such workshop. */
interface LargestCapacity {
  minutes: Float64Array;
  workshop: Int32Array;
}

function findLargestCapacity(ledger: PlacementLedger): LargestCapacity {
  const { workshopsBySkill, workshops, weeks } = ledger.instance;
  const minutes = new Float64Array(workshopsBySkill.length * weeks).fill(-1);
  const workshop = new Int32Array(workshopsBySkill.length * weeks).fill(-1);
  workshopsBySkill.forEach((members, s) => {
    for (const w of members) {
      for (let t = 0; t < weeks; t++) {
        if (workshops[w].capacityMinutes[t] > minutes[s * weeks + t]) {
          minutes[s * weeks + t] = workshops[w].capacityMinutes[t];
          workshop[s * weeks + t] = w;
        }
      }
    }
  });
  return { minutes, workshop };
}

/** Earlier in workshop-then-week order: the spot a scan of every workshop-week would find first. */
const scannedFirst = (a: Spot, b: Spot) => a.w < b.w || (a.w === b.w && a.t < b.t);

function findReason({
  ledger,
  job: j,
  quantity,
  largest: largestBySkillWeek,
}: {
  ledger: PlacementLedger;
  job: number;
  quantity: number;
  largest: LargestCapacity;
}): Pick<Unplaced, 'reason' | 'detail' | 'suggestion'> {
  const instance = ledger.instance;
  const facts = instance.jobs[j];
  const { job, window, lotMin, maxSplit } = facts;
  const skillName = job.skill;
  const candidates = instance.workshopsBySkill[facts.skill];
  if (candidates.length === 0) {
    return {
      reason: 'no-skill',
      detail: `no workshop has skill '${skillName}'; add the skill to a workshop with free capacity`,
    };
  }
  if (!window) return { reason: 'deadline', ...explainDeadline({ ledger, job: j }) };

  const { startDay } = instance;
  const label = (t: number) => weekLabel({ startDay, week: t });
  const lotMinutes = lotMin * job.minutesPerUnit;
  let largestCapacity: Spot & { minutes: number } = { w: -1, t: -1, units: 0, minutes: -1 };
  let splitBlocked = null as Spot | null;
  let lotBlocked = null as Spot | null;
  for (let t = window.first; t <= window.last; t++) {
    const minutes = largestBySkillWeek.minutes[facts.skill * instance.weeks + t];
    const w = largestBySkillWeek.workshop[facts.skill * instance.weeks + t];
    if (minutes > largestCapacity.minutes || (minutes === largestCapacity.minutes && w < largestCapacity.w)) {
      largestCapacity = { w, t, units: 0, minutes };
    }
    // Only workshop-weeks with room for a unit can be what lots or splits block.
    ledger.visitRoom(facts.skill, t, job.minutesPerUnit, (w) => {
      const units = Math.min(quantity, Math.floor((ledger.free(w, t) + 1e-6) / job.minutesPerUnit));
      if (units <= 0) return job.minutesPerUnit;
      const spot = { w, t, units };
      const splitFull = !ledger.holds(j, w) && ledger.splitCount(j) >= maxSplit;
      const lotTooSmall = ledger.lot(j, w, t) + units < lotMin;
      const beats = (other: Spot | null) =>
        !other || units > other.units || (units === other.units && scannedFirst(spot, other));
      if (splitFull && !lotTooSmall && beats(splitBlocked)) splitBlocked = spot;
      if (!splitFull && lotTooSmall && beats(lotBlocked)) lotBlocked = spot;
      return job.minutesPerUnit;
    });
  }
  const name = (w: number) => instance.workshops[w].id;
  const largest = `${formatMinutes(largestCapacity.minutes)} minutes, ${name(largestCapacity.w)} in ${label(largestCapacity.t)}`;
  const capacityDetail = () => {
    const weeks = weekRangeLabel({ startDay, first: window.first, last: window.last });
    return `needs ${formatMinutes(quantity * job.minutesPerUnit)} more ${skillName} minutes in ${weeks}`;
  };
  if (largestCapacity.minutes <= 0) return { reason: 'capacity', detail: capacityDetail() };
  if (job.minutesPerUnit > largestCapacity.minutes + 1e-6) {
    return {
      reason: 'capacity',
      detail:
        `one unit needs ${formatMinutes(job.minutesPerUnit)} minutes in a single workshop-week, more than any eligible ` +
        `workshop has (${largest}); more ${skillName} capacity in one workshop-week would fix it`,
    };
  }
  if (lotMinutes > largestCapacity.minutes + 1e-6) {
    const fitting = Math.floor((largestCapacity.minutes + 1e-6) / job.minutesPerUnit);
    return {
      reason: 'lot-or-split',
      detail:
        `minLot ${job.minLot} needs ${formatMinutes(lotMinutes)} minutes in one workshop-week, more than the largest ` +
        `capacity of any eligible workshop (${largest}); lowering minLot to ${fitting} would let it be placed`,
      suggestion: { minLot: fitting },
    };
  }
  if (splitBlocked) {
    return {
      reason: 'lot-or-split',
      detail:
        `already split over ${plural(ledger.splitCount(j), 'workshop')} (maxSplit ${maxSplit}); raising maxSplit to ` +
        `${ledger.splitCount(j) + 1} would let ${name(splitBlocked.w)} take ${plural(splitBlocked.units, 'more unit')} in ${label(splitBlocked.t)}`,
    };
  }
  if (lotBlocked) {
    return {
      reason: 'lot-or-split',
      detail:
        `minLot ${job.minLot}: the most any eligible workshop-week can still take is ${plural(lotBlocked.units, 'unit')} ` +
        `(${name(lotBlocked.w)} in ${label(lotBlocked.t)}); lowering minLot to ${lotBlocked.units} would place more`,
      suggestion: { minLot: lotBlocked.units },
    };
  }
  return { reason: 'capacity', detail: capacityDetail() };
}

function explainDeadline({
  ledger,
  job: j,
}: {
  ledger: PlacementLedger;
  job: number;
}): Pick<Unplaced, 'detail' | 'suggestion'> {
  const { startDay, weeks } = ledger.instance;
  const { dueDate, releaseDate } = ledger.instance.jobs[j].job;
  const firstEnd = formatDay(weekEndDay({ startDay, week: 0 }));
  const lastEnd = formatDay(weekEndDay({ startDay, week: weeks - 1 }));
  if (dueDate < firstEnd) {
    return {
      detail: `due ${dueDate} is before the end of the first week (${firstEnd}); a due date on or after ${firstEnd} would let it be planned`,
      suggestion: { dueDate: firstEnd },
    };
  }
  if (releaseDate > lastEnd) {
    return {
      detail: `released ${releaseDate}, after the last week of the horizon ends (${lastEnd}); extend the horizon past ${releaseDate}`,
    };
  }
  // Here the release falls inside the horizon, so some week ends on or after it.
  const releaseDay = parseDay(releaseDate) as number;
  const nextEnd = formatDay(weekEndDay({ startDay, week: Math.max(0, Math.ceil((releaseDay - startDay - 6) / 7)) }));
  return {
    detail: `no week of the horizon ends between release ${releaseDate} and due ${dueDate}; a due date on or after ${nextEnd} would let it be planned`,
    suggestion: { dueDate: nextEnd },
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
}
