import { type PlacementLedger } from './placement-ledger';
import { type PlanningInstance } from './planning-instance';
import { type Assignment, type Pin } from './types';

// How the incremental re-plan keeps committed work: as pins beside the planner's own, so that the
// first stages of planJobs plan new work around it, released again before the fill, which may then
// move it where that places more. Worked on the planning instance's indexes, not on ids: a SOKO
// plan commits thousands of assignments, and string keys were a good part of the re-plan's time.

/** A unit of work already decided: the assignments of the committed (or reviewed) plan. */
export type CommittedAssignment = Pick<Assignment, 'jobId' | 'workshopId' | 'week' | 'quantity'>;

/**
 * The committed assignments as pins, merged with the planner's (a cell keeps the larger), clipped
 * to what still fits: a job's pins to its quantity, and a workshop-week's committed units to its
 * capacity, the planner's pins and the more urgent jobs first; a cell clipped below a lot is let
 * go whole. What a pin cannot keep for any other reason (a skill or workshop gone, a week past
 * the due date) planJobs leaves out itself. Returns the merged pins of every job with committed work.
 */
export function committedAsPins({
  instance,
  committed,
}: {
  instance: PlanningInstance;
  committed: readonly CommittedAssignment[];
}): Map<number, Pin[]> {
  const { weeks, jobs, workshops } = instance;
  const jobIndex = new Map<string, number>();
  for (const facts of jobs) jobIndex.set(facts.job.id, facts.index);
  const workshopIndex = new Map(workshops.map((workshop, w) => [workshop.id, w]));
  const room = new Float64Array(workshops.length * weeks);
  workshops.forEach((workshop, w) => workshop.capacityMinutes.forEach((m, t) => (room[w * weeks + t] = m)));
  const left = new Float64Array(jobs.length);
  for (const facts of jobs) left[facts.index] = facts.job.quantity;
  for (const facts of jobs) {
    for (const pin of facts.job.pins) {
      room[workshopIndex.get(pin.workshopId)! * weeks + pin.week] -= pin.quantity * facts.job.minutesPerUnit;
      left[facts.index] -= pin.quantity;
    }
  }
  const extras: Array<{ j: number; w: number; t: number; quantity: number }> = [];
  for (const a of committed) {
    const j = jobIndex.get(a.jobId);
    const w = workshopIndex.get(a.workshopId);
    if (j !== undefined && w !== undefined && a.week >= 0 && a.week < weeks)
      extras.push({ j, w, t: a.week, quantity: a.quantity });
  }
  // Jobs and workshops are in id order in the instance, so this is: more urgent, then by ids and week.
  extras.sort((a, b) => jobs[b.j].job.priority - jobs[a.j].job.priority || a.j - b.j || a.w - b.w || a.t - b.t);
  // Merged pins by job and cell, (j * workshops + w) * weeks + t: the planner's (copied, as they
  // may grow) for the jobs with committed work, then the committed cells they lack.
  const cellsPerJob = workshops.length * weeks;
  const merged = new Map<number, Pin>();
  const pinsOf = new Map<number, Pin[]>();
  for (const { j, w, t, quantity } of extras) {
    const facts = jobs[j];
    let pins = pinsOf.get(j);
    if (!pins) {
      pins = facts.job.pins.length > 0 ? facts.job.pins.map((pin) => ({ ...pin })) : [];
      for (const pin of pins) merged.set(j * cellsPerJob + workshopIndex.get(pin.workshopId)! * weeks + pin.week, pin);
      pinsOf.set(j, pins);
    }
    const cell = w * weeks + t;
    const pin = merged.get(j * cellsPerJob + cell);
    const already = pin?.quantity ?? 0;
    const fits = Math.floor((Math.max(0, room[cell]) + 1e-6) / facts.job.minutesPerUnit);
    const extra = Math.min(quantity - already, fits, left[j]);
    // A clipped cell smaller than a lot is no lot at all: its units are planned afresh instead.
    if (extra <= 0 || already + extra < facts.lotMin) continue;
    if (pin) pin.quantity += extra;
    else {
      const added = { workshopId: workshops[w].id, week: t, quantity: extra };
      merged.set(j * cellsPerJob + cell, added);
      pins.push(added);
    }
    room[cell] -= extra * facts.job.minutesPerUnit;
    left[j] -= extra;
  }
  return pinsOf;
}

/**
 * The instance with the merged pins in place of the planner's, for the jobs that have them:
 * nothing else of an instance depends on pins, so nothing is sorted or described again.
 */
export function withKeptPins(instance: PlanningInstance, pins: ReadonlyMap<number, Pin[]>): PlanningInstance {
  return {
    ...instance,
    jobs: instance.jobs.map((facts) =>
      pins.has(facts.index) ? { ...facts, job: { ...facts.job, pins: pins.get(facts.index)! } } : facts,
    ),
  };
}

/**
 * Lets the fill move committed work again (the first stages planned around it as pins): every
 * kept pin's units beyond the planner's own pin in that cell. `planner` is the instance with only
 * the planner's pins.
 */
export function releaseCommitted({ ledger, planner }: { ledger: PlacementLedger; planner: PlanningInstance }): void {
  const { weeks, workshops } = planner;
  const workshopIndex = new Map(workshops.map((workshop, w) => [workshop.id, w]));
  planner.jobs.forEach((facts, j) => {
    const kept = ledger.instance.jobs[j].job.pins;
    if (kept === facts.job.pins) return;
    // Most jobs have no pin of the planner's: no map of them to make.
    const own =
      facts.job.pins.length > 0
        ? new Map(facts.job.pins.map((pin) => [workshopIndex.get(pin.workshopId)! * weeks + pin.week, pin.quantity]))
        : null;
    for (const pin of kept) {
      const w = workshopIndex.get(pin.workshopId)!;
      const extra = ledger.pinned(j, w, pin.week) - (own?.get(w * weeks + pin.week) ?? 0);
      if (extra > 0) ledger.release(j, w, pin.week, extra);
    }
  });
}
