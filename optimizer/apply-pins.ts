import { formatDay, weekEndDay, weekLabel } from './calendar';
import { type PlacementLedger } from './placement-ledger';
import { type PinConflict, type PinConflictReason } from './types';

// A planner's pins go into the ledger before anything is planned, so every later stage works
// around them and none may take them out. A pin that cannot hold (the workshop lacks the skill or
// was ruled out, the week is outside the job's dates, the pins add up to more than the job or
// than the workshop's week, the job's split limit) is left out and explained; the plan is made
// without it rather than failing. When pins compete for one workshop-week, the more urgent job's
// pin is placed first, then by job and workshop id.

interface PinToPlace {
  job: number;
  w: number;
  t: number;
  units: number;
}

export function applyPins(ledger: PlacementLedger): PinConflict[] {
  const { jobs, workshops } = ledger.instance;
  const workshopIndex = new Map(workshops.map((workshop, w) => [workshop.id, w]));
  const pins: PinToPlace[] = [];
  for (const facts of jobs) {
    for (const pin of facts.job.pins) {
      pins.push({ job: facts.index, w: workshopIndex.get(pin.workshopId)!, t: pin.week, units: pin.quantity });
    }
  }
  pins.sort((a, b) => jobs[b.job].job.priority - jobs[a.job].job.priority || a.job - b.job || a.w - b.w || a.t - b.t);
  const conflicts: PinConflict[] = [];
  for (const pin of pins) {
    const conflict = findConflict(ledger, pin);
    if (conflict) {
      const { job, w, t, units } = pin;
      conflicts.push({
        jobId: jobs[job].job.id,
        workshopId: workshops[w].id,
        week: t,
        quantity: units,
        ...conflict,
      });
    } else {
      ledger.pin(pin.job, pin.w, pin.t, pin.units);
    }
  }
  return conflicts.sort((a, b) => (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : a.week - b.week));
}

function findConflict(
  ledger: PlacementLedger,
  { job: j, w, t, units }: PinToPlace,
): { reason: PinConflictReason; detail: string } | null {
  const { instance } = ledger;
  const facts = instance.jobs[j];
  const { job } = facts;
  const workshop = instance.workshops[w];
  // Made only for a conflict: most pins hold, and the incremental re-plan pins thousands.
  const week = () => weekLabel({ startDay: instance.startDay, week: t });
  if (!workshop.skills.includes(job.skill)) {
    return { reason: 'skill', detail: `${workshop.id} does not have the skill '${job.skill}' this job needs` };
  }
  if (facts.forbidden?.has(w)) {
    return { reason: 'forbidden', detail: `${workshop.id} is ruled out for this job as well as pinned` };
  }
  const window = facts.window;
  if (!window || t < window.first || t > window.last) {
    const weekEnds = formatDay(weekEndDay({ startDay: instance.startDay, week: t }));
    const detail =
      weekEnds > job.dueDate
        ? `${week()} ends on ${weekEnds}, after the job is due (${job.dueDate}); pin it to an earlier week or move the due date`
        : `${week()} ends on ${weekEnds}, before the job is released (${job.releaseDate}); pin it to a later week`;
    return { reason: 'week', detail };
  }
  if (units > ledger.unplaced(j)) {
    return {
      reason: 'quantity',
      detail: `the job's pins add up to more than its ${job.quantity} units; ${ledger.unplaced(j)} are left to pin`,
    };
  }
  if (!ledger.holds(j, w) && ledger.splitCount(j) >= facts.maxSplit) {
    return {
      reason: 'split',
      detail: `the job may use at most ${facts.maxSplit} workshops and its pins already use ${ledger.splitCount(j)}`,
    };
  }
  const needed = units * job.minutesPerUnit;
  const free = ledger.free(w, t);
  if (needed > free + 1e-6) {
    return {
      reason: 'capacity',
      detail:
        `${units} units need ${round(needed)} minutes; ${workshop.id} has ${round(free)} free in ${week()}` +
        (free < workshop.capacityMinutes[t] ? ' after more urgent pins' : ''),
    };
  }
  return null;
}

function round(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
}
